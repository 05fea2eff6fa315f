import { redirect } from "react-router";
import type { Route } from "./+types/locale";
import { isLocale } from "~/lib/i18n";
import { languageCookie } from "~/server/cookies.server";

/** Sets the display language cookie and returns to the page the person was on. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const referer = request.headers.get("referer");
  const back = referer && new URL(referer).origin === new URL(request.url).origin ? new URL(referer).pathname + new URL(referer).search : "/";
  return redirect(back, {
    headers: { "Set-Cookie": languageCookie(isLocale(locale) ? locale : "ja") },
  });
}

export function loader() {
  return redirect("/");
}
