import { Link, useActionData } from "react-router";
import type { Route } from "./+types/invitation";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { Notice, PageHeader } from "~/ui/layout";
import { pageIdentityOf, publicContext, runtimeOf } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { activeOrganizationCookie } from "~/server/cookies.server";
import { findOpenInvitation } from "~/features/identity/data.server";
import { acceptInvitation } from "~/features/identity/commands.server";
import { acceptInvitationInput } from "~/features/identity/schema";

export async function loader(args: Route.LoaderArgs) {
  const [invitation, identity] = await Promise.all([findOpenInvitation(publicContext(args), args.params.token), pageIdentityOf(args)]);
  return {
    invitation: invitation
      ? { organizationName: invitation.organizationName, role: invitation.role, email: invitation.email, userExists: invitation.userExists }
      : null,
    signedInAs: identity?.user.email ?? null,
  };
}

export async function action(args: Route.ActionArgs) {
  const values = await readForm(args.request);
  try {
    const identity = await pageIdentityOf(args);
    const result = await acceptInvitation(
      { ...publicContext(args), auth: runtimeOf(args.context).auth },
      args.params.token,
      identity,
      values,
      args.request,
    );
    return redirectWithFlash(args, "/", "invite.accept.done", { org: result.organizationName }, [
      ...result.setCookies,
      activeOrganizationCookie(result.membershipId),
    ]);
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function Invitation({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  const { invitation, signedInAs } = loaderData;
  if (!invitation) {
    return <PageHeader title={t("invite.accept.title")} lead={t("invite.accept.invalid")} />;
  }
  const needsLogin = !signedInAs && invitation.userExists;
  return (
    <div className="max-w-xl">
      <PageHeader
        title={t("invite.accept.title")}
        lead={t("invite.accept.lead", { org: invitation.organizationName, role: t.label("role", invitation.role) })}
      />
      {signedInAs && signedInAs !== invitation.email ? <Notice kind="error">{t("invite.accept.wrongUser")}</Notice> : null}
      {needsLogin ? (
        <p>
          <Link to={`/login?next=${encodeURIComponent(`/invitations/${params.token}`)}`} className="text-blue-1000 underline">
            {t("nav.login")}
          </Link>
        </p>
      ) : (
        <SchemaForm schema={acceptInvitationInput} result={errors} method="post" className="flex flex-col gap-6">
          <ErrorSummary labels={{ name: t("auth.name"), password: t("auth.password") }} />
          <p>
            {t("auth.email")}: {invitation.email}
          </p>
          {signedInAs ? null : (
            <>
              <TextField name="name" label={t("auth.name")} autoComplete="name" />
              <TextField
                name="password"
                type="password"
                label={t("auth.password")}
                hint={t("auth.password.hint")}
                autoComplete="new-password"
              />
            </>
          )}
          <div>
            <Button>{t("invite.accept.submit")}</Button>
          </div>
        </SchemaForm>
      )}
    </div>
  );
}
