import { useActionData } from "react-router";
import type { Route } from "./+types/reset-password";
import { localeFromRequest } from "~/lib/i18n";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { PageHeader } from "~/ui/layout";
import { publicContext, runtimeOf } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { resetPasswordInput } from "~/features/identity/schema";
import { resetPassword } from "~/features/identity/commands.server";

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action(args: Route.ActionArgs) {
  const values = await readForm(args.request);
  try {
    const input = parseInput(resetPasswordInput, values);
    await resetPassword({ ...publicContext(args), auth: runtimeOf(args.context).auth }, input.token, input.password);
    return redirectWithFlash(args, "/login", "auth.reset.done");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ResetPassword({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <div className="max-w-xl">
      <PageHeader title={t("auth.reset.title")} crumbs={[{ label: t("auth.reset.title") }]} />
      <SchemaForm schema={resetPasswordInput} result={errors} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={{ token: t("auth.reset.title"), password: t("auth.password"), passwordConfirm: t("auth.passwordConfirm") }} />
        <input type="hidden" name="token" value={loaderData.token} />
        <TextField name="password" type="password" label={t("auth.password")} hint={t("auth.password.hint")} autoComplete="new-password" />
        <TextField name="passwordConfirm" type="password" label={t("auth.passwordConfirm")} autoComplete="new-password" />
        <div>
          <Button>{t("auth.reset.submit")}</Button>
        </div>
      </SchemaForm>
    </div>
  );
}
