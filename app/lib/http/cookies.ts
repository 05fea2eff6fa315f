// Reading and writing our own small cookies (active organisation, language,
// flash) with the `cookie` library React Router itself uses: a value that does
// not decode (a stray "%") is kept as it came instead of throwing, so a broken
// cookie is ignored, never a 500.
import { parse, serialize } from "cookie";

/** The value of one cookie of the request, or null. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  return parse(header)[name] ?? null;
}

/**
 * A Set-Cookie header: site-wide, SameSite=Lax, HttpOnly unless the page needs
 * it, Secure whenever the public origin is https.
 */
export function serializeCookie(name: string, value: string, options: { maxAge: number; httpOnly?: boolean; secure?: boolean }): string {
  return serialize(name, value, {
    path: "/",
    sameSite: "lax",
    maxAge: options.maxAge,
    httpOnly: options.httpOnly !== false,
    secure: options.secure ?? (process.env.RENKEI_BASE_URL ?? "").startsWith("https://"),
  });
}
