// What the user follows (fields and municipalities whose new themes reach
// them), each with a remove button, and the two forms to follow more.
import { Form } from "react-router";
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextField } from "~/ui/form";
import { followInput } from "../schema";
import { Section } from "~/ui/layout";
import type { FollowView } from "../schema";

export function FollowList({ follows }: { follows: FollowView[] }) {
  const t = useT();
  return (
    <>
      {follows.length === 0 ? (
        <p className="mb-6">{t("themes.follow.none")}</p>
      ) : (
        <ul className="mb-8 flex flex-col gap-2">
          {follows.map((f) => {
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
    </>
  );
}

/** `result`: the action's refusal; each form shows it only if it answers that form's intent. */
export function FollowForms({ result }: { result?: unknown }) {
  const t = useT();
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <Section title={t("themes.follow.field")}>
        <SchemaForm schema={followInput} result={result} intent="follow-field" method="post" className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="follow-field" />
          <input type="hidden" name="kind" value="field" />
          <SelectField
            id="follow-field"
            name="value"
            label={t("themes.filter.field")}
            placeholder={t("form.select")}
            options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
          />
          <div>
            <Button>{t("themes.follow.add")}</Button>
          </div>
        </SchemaForm>
      </Section>
      <Section title={t("themes.follow.municipality")}>
        <SchemaForm schema={followInput} result={result} intent="follow-municipality" method="post" className="flex flex-col gap-4">
          <ErrorSummary labels={{ value: t("themes.filter.municipality") }} ids={{ value: "follow-municipality" }} />
          <input type="hidden" name="intent" value="follow-municipality" />
          <input type="hidden" name="kind" value="municipality" />
          <TextField
            id="follow-municipality"
            name="value"
            label={t("themes.filter.municipality")}
            hint={t("org.municipalityCode.hint")}
            inputMode="numeric"
          />
          <div>
            <Button>{t("themes.follow.add")}</Button>
          </div>
        </SchemaForm>
      </Section>
    </div>
  );
}
