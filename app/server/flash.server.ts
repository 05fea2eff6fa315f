// Success messages that travel to the next page (after a redirect) in a
// short-lived cookie, signed with the app's secret by React Router's cookie
// session storage: a forged or altered cookie shows nothing. The cookie holds a
// catalog key and its parameters, translated when the next page renders.
import { createCookie, createCookieSessionStorage, redirect, type RouterContextProvider, type SessionStorage } from "react-router";
import { isMessageKey, translate, type Locale, type MessageKey, type MessageParams } from "~/lib/i18n";
import { readCookie } from "~/lib/http/cookies";
import { runtimeOf } from "./context.server";

const FLASH_COOKIE = "renkei_flash";

interface FlashData {
  message: { key: string; params?: MessageParams };
}

export type FlashStorage = SessionStorage<FlashData, FlashData>;

/** One per runtime: its secret signs the cookie. */
export function createFlashStorage(secret: string, secure: boolean): FlashStorage {
  const cookie = createCookie(FLASH_COOKIE, { secrets: [secret], path: "/", sameSite: "lax", httpOnly: true, secure, maxAge: 60 });
  return createCookieSessionStorage<FlashData, FlashData>({ cookie });
}

type WithContext = { context: Readonly<RouterContextProvider> };

/** The Set-Cookie header carrying a message to the next page. */
export async function flashCookie(args: WithContext, key: MessageKey, params?: MessageParams): Promise<string> {
  const storage = runtimeOf(args.context).flash;
  const session = await storage.getSession();
  session.flash("message", { key, params });
  return storage.commitSession(session);
}

/** Redirect with a flash message and any extra Set-Cookie headers (sessions, the active organisation). */
export async function redirectWithFlash(
  args: WithContext,
  to: string,
  key: MessageKey,
  params?: MessageParams,
  cookies: string[] = [],
): Promise<Response> {
  const headers = new Headers();
  headers.append("Set-Cookie", await flashCookie(args, key, params));
  for (const c of cookies) headers.append("Set-Cookie", c);
  return redirect(to, { headers });
}

/**
 * The message waiting for this page, translated, and the header that removes
 * the cookie once read. A cookie that is not validly signed shows nothing.
 */
export async function readFlash(
  args: WithContext & { request: Request },
  locale: Locale,
): Promise<{ message: string | null; clear: string | null }> {
  if (readCookie(args.request, FLASH_COOKIE) === null) return { message: null, clear: null };
  const storage = runtimeOf(args.context).flash;
  const session = await storage.getSession(args.request.headers.get("cookie"));
  const flashed = session.get("message");
  const clear = await storage.destroySession(session);
  if (!flashed || !isMessageKey(flashed.key)) return { message: null, clear };
  return { message: translate(locale, flashed.key, flashed.params), clear };
}
