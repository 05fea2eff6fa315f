import { redirect, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/signup";
import { AppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextField } from "~/ui/form";
import { PageHeader, Section } from "~/ui/layout";
import { clientAddressOf, pageIdentityOf, publicContext, runtimeOf } from "~/server/context.server";
import { formFailure, rateLimitedForm, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { limitSignUp } from "~/server/rate-limit.server";
import { partnerKinds, signupInput } from "~/features/identity/schema";
import { signUpProposer } from "~/features/identity/commands.server";

export async function loader(args: Route.LoaderArgs) {
  if (await pageIdentityOf(args)) throw redirect("/");
  return null;
}

export async function action(args: Route.ActionArgs) {
  const values = await readForm(args.request);
  try {
    // Keyed on the connection's address, not on a header the client writes.
    await limitSignUp(runtimeOf(args.context).database, { address: clientAddressOf(args.context) });
    const result = await signUpProposer({ ...publicContext(args), auth: runtimeOf(args.context).auth }, values, args.request);
    return redirectWithFlash(args, "/", "notify.welcome.body", { org: String(values.organizationName ?? "") }, result.setCookies);
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return rateLimitedForm(error, values, localeFromRequest(args.request));
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function Signup() {
  const t = useT();
  const errors = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const labels = {
    organizationKind: t("org.kind"),
    organizationName: t("org.name"),
    organizationNameKana: t("org.nameKana"),
    corporateNumber: t("org.corporateNumber"),
    name: t("auth.name"),
    email: t("auth.email"),
    password: t("auth.password"),
    passwordConfirm: t("auth.passwordConfirm"),
  };
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("auth.signup.title")} crumbs={[{ label: t("auth.signup.title") }]} lead={t("auth.signup.lead")} />
      <SchemaForm schema={signupInput} result={errors} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={labels} />
        <Section title={t("auth.signup.organization")}>
          <SelectField
            name="organizationKind"
            label={labels.organizationKind}
            placeholder={t("form.select")}
            options={partnerKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          />
          <TextField name="organizationName" label={labels.organizationName} autoComplete="organization" />
          <TextField name="organizationNameKana" label={labels.organizationNameKana} />
          <TextField name="corporateNumber" label={labels.corporateNumber} hint={t("org.corporateNumber.hint")} inputMode="numeric" />
        </Section>
        <Section title={t("auth.signup.person")}>
          <TextField name="name" label={labels.name} autoComplete="name" />
          <TextField name="email" type="email" label={labels.email} autoComplete="email" />
          <TextField name="password" type="password" label={labels.password} hint={t("auth.password.hint")} autoComplete="new-password" />
          <TextField name="passwordConfirm" type="password" label={labels.passwordConfirm} autoComplete="new-password" />
        </Section>
        <div>
          <Button disabled={busy}>{t("auth.signup.submit")}</Button>
        </div>
      </SchemaForm>
    </div>
  );
}
