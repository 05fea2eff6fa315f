import { useActionData } from "react-router";
import type { Route } from "./+types/forgot-password";
import { AppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { Notice, PageHeader } from "~/ui/layout";
import { clientAddressOf, runtimeOf } from "~/server/context.server";
import { formFailure, rateLimitedForm, readForm } from "~/server/forms.server";
import { limitPasswordReset } from "~/server/rate-limit.server";
import { forgotPasswordInput } from "~/features/identity/schema";

export async function action(args: Route.ActionArgs) {
  const values = await readForm(args.request);
  try {
    const input = parseInput(forgotPasswordInput, values);
    await limitPasswordReset(runtimeOf(args.context).database, { email: input.email, address: clientAddressOf(args.context) });
    // Same answer whether or not the address exists: no account probing.
    await runtimeOf(args.context).auth.api.requestPasswordReset({ body: { email: input.email } });
    return { sent: true };
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return rateLimitedForm(error, values, localeFromRequest(args.request));
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-xl">
      <PageHeader title={t("auth.forgot.title")} crumbs={[{ label: t("auth.forgot.title") }]} lead={t("auth.forgot.lead")} />
      {result && "sent" in result ? <Notice kind="success">{t("auth.forgot.sent")}</Notice> : null}
      <SchemaForm schema={forgotPasswordInput} result={result} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={{ email: t("auth.email") }} />
        <TextField name="email" type="email" label={t("auth.email")} autoComplete="email" />
        <div>
          <Button>{t("auth.forgot.submit")}</Button>
        </div>
      </SchemaForm>
    </div>
  );
}
