// Our own small cookies (active organisation, language, flash). Sessions are
// better-auth's. All are SameSite=Lax, HttpOnly unless the page needs them,
// and Secure whenever the public origin is https.
import { serializeCookie } from "~/lib/http/cookies";
import { ACTIVE_ORG_COOKIE } from "~/features/identity/gate.server";

const YEAR = 365 * 24 * 60 * 60;

export const activeOrganizationCookie = (membershipId: string | null) =>
  serializeCookie(ACTIVE_ORG_COOKIE, membershipId ?? "", { maxAge: membershipId ? YEAR : 0 });
export const languageCookie = (locale: string) => serializeCookie("lang", locale, { maxAge: YEAR });
