import { data, Link, useActionData } from "react-router";
import type { Route } from "./+types/settings";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Notice, PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { languageCookie } from "~/server/cookies.server";
import { latestTokenRevocation, listApiTokens } from "~/features/identity/data.server";
import { createApiToken, revokeApiToken, updateUserSettings } from "~/features/identity/commands.server";
import { UserSettingsForm } from "~/features/identity/components/user-settings-form";
import { getMailPreferences } from "~/features/notifications/data.server";
import { ApiTokensSection } from "~/features/identity/components/api-tokens-section";

export async function loader(args: Route.LoaderArgs) {
  const { ctx, identity } = await requirePageScope(args);
  return {
    tokens: await listApiTokens(ctx),
    revocation: await latestTokenRevocation(ctx),
    emailNotifications: identity.user.emailNotifications,
    mail: await getMailPreferences(ctx),
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
        await updateUserSettings(ctx, { emailNotifications: values.emailNotifications ?? false, locale: values.locale, mail: values.mail });
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
  const result = useActionData<typeof action>();
  const done = result && "saved" in result ? result : null;
  return (
    <>
      <PageHeader title={t("settings.title")} crumbs={[{ label: t("settings.title") }]} />
      {done?.saved ? <Notice kind="success">{t(done.saved)}</Notice> : null}
      <UserSettingsForm
        emailNotifications={loaderData.emailNotifications}
        mail={loaderData.mail}
        locale={loaderData.locale}
        result={result}
      />
      <p className="mb-8">
        <Link to="/calendar" className="text-blue-1000 underline">
          {t("meetings.calendarFeed.title")}
        </Link>
      </p>
      <ApiTokensSection tokens={loaderData.tokens} revocation={loaderData.revocation} created={done?.created ?? null} result={result} />
    </>
  );
}
