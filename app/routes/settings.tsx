import { data, Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/settings";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, ErrorSummary, SelectField, TextField } from "~/ui/form";
import { DataTable, Notice, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { languageCookie } from "~/server/cookies.server";
import { latestTokenRevocation, listApiTokens } from "~/features/identity/data.server";
import { createApiToken, revokeApiToken, updateUserSettings } from "~/features/identity/commands.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx, identity } = await requirePageScope(args);
  return {
    tokens: await listApiTokens(ctx),
    revocation: await latestTokenRevocation(ctx),
    emailNotifications: identity.user.emailNotifications,
    locale: identity.user.locale,
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  const locale = localeFromRequest(args.request);
  try {
    switch (values.intent) {
      case "create-token": {
        const created = await createApiToken(ctx, values);
        return { created: created.token, saved: null };
      }
      case "revoke-token":
        await guard(() => revokeApiToken(ctx, String(values.id ?? "")));
        return { created: null, saved: "settings.tokens.revoked" as const };
      default:
        await updateUserSettings(ctx, { emailNotifications: values.emailNotifications ?? false, locale: values.locale });
        // The chosen language applies at once (the header switch sets the same cookie).
        return data(
          { created: null, saved: "settings.saved" as const },
          { headers: { "Set-Cookie": languageCookie(String(values.locale)) } },
        );
    }
  } catch (error) {
    return formFailure(error, values, locale);
  }
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const errors = result && "fieldErrors" in result ? result : null;
  const done = result && !("fieldErrors" in result) ? result : null;
  return (
    <>
      <PageHeader title={t("settings.title")} crumbs={[{ label: t("settings.title") }]} />
      {done?.saved ? <Notice kind="success">{t(done.saved)}</Notice> : null}
      <Section title={t("settings.notifications")}>
        <Form method="post" className="flex max-w-xl flex-col gap-4">
          <input type="hidden" name="intent" value="settings" />
          <Checkbox name="emailNotifications" label={t("settings.notifications.email")} defaultChecked={loaderData.emailNotifications} />
          <SelectField
            name="locale"
            label={t("app.language")}
            required
            defaultValue={loaderData.locale}
            options={[
              { value: "ja", label: "日本語" },
              { value: "en", label: "English" },
            ]}
          />
          <div>
            <Button>{t("settings.save")}</Button>
          </div>
        </Form>
      </Section>
      <p className="mb-8">
        <Link to="/calendar" className="text-blue-1000 underline">
          {t("meetings.calendarFeed.title")}
        </Link>
      </p>
      <Section title={t("settings.tokens")}>
        <p className="text-std-16N-170">{t("settings.tokens.lead")}</p>
        <p className="text-std-16N-170">
          <Link to="/developers/api" className="text-blue-1000 underline">
            {t("settings.tokens.reference")}
          </Link>
        </p>
        {loaderData.revocation ? (
          <Notice>
            <p data-testid="tokens-revoked">
              {t(`settings.tokens.revokedBy.${loaderData.revocation.reason}`, {
                date: format.dateTime(loaderData.revocation.revokedAt),
                count: loaderData.revocation.names.length,
                names: format.list([...new Set(loaderData.revocation.names)]),
              })}
            </p>
          </Notice>
        ) : null}
        {done?.created ? (
          <Notice kind="success">
            <p>{t("settings.tokens.created")}</p>
            <code data-testid="new-token" className="mt-2 block break-all rounded-4 bg-white p-2 text-dns-16N-130">
              {done.created}
            </code>
          </Notice>
        ) : null}
        <Form method="post" className="flex max-w-xl flex-col gap-4" noValidate>
          <ErrorSummary errors={errors} labels={{ name: t("settings.tokens.name") }} />
          <input type="hidden" name="intent" value="create-token" />
          <TextField name="name" label={t("settings.tokens.name")} required errors={errors} maxLength={100} />
          <div>
            <Button>{t("settings.tokens.create")}</Button>
          </div>
        </Form>
        {loaderData.tokens.length === 0 ? (
          <p>{t("settings.tokens.empty")}</p>
        ) : (
          <DataTable
            caption={t("settings.tokens")}
            head={[t("settings.tokens.name"), "ID", t("outbox.created"), t("settings.tokens.lastUsed"), ""]}
            rows={loaderData.tokens.map((tok) => [
              tok.name,
              <code key="p">rk_{tok.prefix}…</code>,
              format.dateTime(tok.createdAt),
              tok.lastUsedAt ? format.dateTime(tok.lastUsedAt) : t("settings.tokens.never"),
              <Form key="r" method="post">
                <input type="hidden" name="intent" value="revoke-token" />
                <input type="hidden" name="id" value={tok.id} />
                <Button variant="tertiary" aria-label={`${t("settings.tokens.revoke")}: ${tok.name}`}>
                  {t("settings.tokens.revoke")}
                </Button>
              </Form>,
            ])}
          />
        )}
      </Section>
    </>
  );
}
