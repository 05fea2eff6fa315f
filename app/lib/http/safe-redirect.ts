// Where to send someone back to after signing in, switching language and the
// like, when the place comes from the request (a `next` parameter, the
// Referer). Only a path on our own origin is accepted, as the browser would
// resolve it (WHATWG URL parser), and it is returned percent-encoded so that
// it fits in a Location header (ASCII only). Anything else gives the fallback.

const MAX_TARGET_LENGTH = 2048;
/** C0 controls, DEL and backslash: browsers strip or reinterpret them (`/\t/x` and `/\x` are `//x`). */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-origin path (with query and fragment) for a redirect, or `fallback`.
 * `requestUrl` gives the origin the target is resolved against.
 */
export function safeRedirectPath(target: unknown, requestUrl: string | URL, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_TARGET_LENGTH) return fallback;
  if (!target.startsWith("/") || UNSAFE_CHARACTERS.test(target)) return fallback;
  const origin = new URL(requestUrl).origin;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can leave `//host` behind (`/.//evil`, `/%2e%2e//evil`): a network-path reference.
  if (!path.startsWith("/") || path.startsWith("//") || !/^[\x21-\x7e]*$/.test(path)) return fallback;
  return path;
}

/** The page the request came from (its Referer), when that page is ours; else `fallback`. */
export function sameOriginReferer(request: Request, fallback = "/"): string {
  const referer = request.headers.get("referer");
  if (!referer) return fallback;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(request.url).origin) return fallback;
  return safeRedirectPath(url.pathname + url.search, request.url, fallback);
}
