import { Link, redirect, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/login";
import { AppError } from "~/lib/errors";
import { safeRedirectPath } from "~/lib/http/safe-redirect";
import { localeFromRequest } from "~/lib/i18n";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { PageHeader } from "~/ui/layout";
import { clientAddressOf, pageIdentityOf, runtimeOf } from "~/server/context.server";
import { formFailure, readForm, rateLimitedForm } from "~/server/forms.server";
import { beginSignIn } from "~/server/rate-limit.server";
import { activeOrganizationCookie } from "~/server/cookies.server";
import { loginInput } from "~/features/identity/schema";

export async function loader(args: Route.LoaderArgs) {
  if (await pageIdentityOf(args)) throw redirect("/");
  // Only a path on this site may be the post-login destination.
  return { next: safeRedirectPath(new URL(args.request.url).searchParams.get("next"), args.request.url) };
}

export async function action(args: Route.ActionArgs) {
  const values = await readForm(args.request);
  const locale = localeFromRequest(args.request);
  try {
    const input = parseInput(loginInput, values);
    const runtime = runtimeOf(args.context);
    const attempt = await beginSignIn(runtime.database, { email: input.email, address: clientAddressOf(args.context) });
    const response = await runtime.auth.api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: args.request.headers,
      asResponse: true,
    });
    if (!response.ok) throw new AppError("unauthorized", { message: "auth.login.failed" });
    await attempt.succeeded();
    const headers = new Headers();
    for (const cookie of response.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
    // A fresh sign-in starts from the person's last organisation.
    headers.append("Set-Cookie", activeOrganizationCookie(null));
    return redirect(safeRedirectPath(values.next, args.request.url), { headers });
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return rateLimitedForm(error, values, locale);
    return formFailure(error, values, locale);
  }
}

export default function Login({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-xl">
      <PageHeader title={t("auth.login.title")} />
      <SchemaForm schema={loginInput} result={errors} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={{ email: t("auth.email"), password: t("auth.password") }} />
        <input type="hidden" name="next" value={loaderData.next} />
        <TextField name="email" type="email" autoComplete="username" label={t("auth.email")} />
        <TextField name="password" type="password" autoComplete="current-password" label={t("auth.password")} />
        <div className="flex flex-wrap items-center gap-6">
          <Button disabled={busy}>{t("auth.login.submit")}</Button>
          <Link to="/forgot-password" className="text-blue-1000 underline">
            {t("auth.login.forgot")}
          </Link>
        </div>
      </SchemaForm>
      <p className="mt-8">
        <Link to="/signup" className="text-blue-1000 underline">
          {t("nav.signup")}
        </Link>
      </p>
    </div>
  );
}
