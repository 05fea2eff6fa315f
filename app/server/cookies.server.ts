// Our own small cookies (active organisation, language, flash). Sessions are
// better-auth's. All are SameSite=Lax, HttpOnly unless the page needs them,
// and Secure whenever the public origin is https.
import { ACTIVE_ORG_COOKIE } from "~/features/identity/gate.server";

const secure = () => (process.env.RENKEI_BASE_URL ?? "").startsWith("https://");

export function serializeCookie(name: string, value: string, options: { maxAge: number; httpOnly?: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax", `Max-Age=${options.maxAge}`];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (secure()) parts.push("Secure");
  return parts.join("; ");
}


const YEAR = 365 * 24 * 60 * 60;

export const activeOrganizationCookie = (membershipId: string | null) => serializeCookie(ACTIVE_ORG_COOKIE, membershipId ?? "", { maxAge: membershipId ? YEAR : 0 });
export const languageCookie = (locale: string) => serializeCookie("lang", locale, { maxAge: YEAR });
