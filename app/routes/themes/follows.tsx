import { Form, useActionData } from "react-router";
import type { Route } from "./+types/follows";
import { localeFromRequest } from "~/lib/i18n";
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SelectField, TextField } from "~/ui/form";
import { Notice, PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { listFollows } from "~/features/themes/data.server";
import { followThemes, unfollowThemes } from "~/features/themes/commands.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { follows: await listFollows(ctx) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    if (values.intent === "remove") {
      await guard(() => unfollowThemes(ctx, String(values.id ?? "")));
      return { done: "themes.follow.removed" as const };
    }
    await followThemes(ctx, values);
    return { done: "themes.follow.added" as const };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function Follows({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result && "fieldErrors" in result ? result : null;
  return (
    <>
      <PageHeader title={t("themes.follow.title")} crumbs={[{ label: t("themes.follow.title") }]} lead={t("themes.follow.lead")} />
      {result && "done" in result ? <Notice kind="success">{t(result.done)}</Notice> : null}
      {loaderData.follows.length === 0 ? (
        <p className="mb-6">{t("themes.follow.none")}</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-2">
          {loaderData.follows.map((f) => {
            const label = f.kind === "field" ? t.label("field", f.value) : `${f.label ?? ""}（${f.value}）`;
            return (
              <li key={f.id} className="flex items-center gap-4">
                <span>{label}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="id" value={f.id} />
                  <Button variant="tertiary" aria-label={`${t("themes.follow.remove")}: ${label}`}>
                    {t("themes.follow.remove")}
                  </Button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <div className="grid gap-8 md:grid-cols-2">
        <Section title={t("themes.follow.field")}>
          <Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="kind" value="field" />
            <SelectField
              id="follow-field"
              name="value"
              label={t("themes.filter.field")}
              required
              placeholder={t("form.select")}
              errors={errors?.values?.kind === "field" ? errors : null}
              options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
            />
            <div>
              <Button>{t("themes.follow.add")}</Button>
            </div>
          </Form>
        </Section>
        <Section title={t("themes.follow.municipality")}>
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <ErrorSummary
              errors={errors?.values?.kind === "municipality" ? errors : null}
              labels={{ value: t("themes.filter.municipality") }}
              ids={{ value: "follow-municipality" }}
            />
            <input type="hidden" name="kind" value="municipality" />
            <TextField
              id="follow-municipality"
              name="value"
              label={t("themes.filter.municipality")}
              hint={t("org.municipalityCode.hint")}
              required
              inputMode="numeric"
              errors={errors?.values?.kind === "municipality" ? errors : null}
            />
            <div>
              <Button>{t("themes.follow.add")}</Button>
            </div>
          </Form>
        </Section>
      </div>
    </>
  );
}
