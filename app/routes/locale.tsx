import { redirect } from "react-router";
import type { Route } from "./+types/locale";
import { sameOriginReferer } from "~/lib/http/safe-redirect";
import { isLocale } from "~/lib/i18n";
import { languageCookie } from "~/server/cookies.server";

/** Sets the display language cookie and returns to the page the person was on. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  return redirect(sameOriginReferer(request), {
    headers: { "Set-Cookie": languageCookie(isLocale(locale) ? locale : "ja") },
  });
}

export function loader() {
  return redirect("/");
}
