// The HTTP headers that protect every response (docs/decisions/0014): one
// place for the policy, applied by the request middleware (everything React
// Router answers), by entry.server (the page's Content-Security-Policy with
// its per-request nonce) and by server.mjs (static assets).
import { randomBytes } from "node:crypto";

/**
 * Headers for every response, static files and downloads included. HSTS only
 * when the site is served over https (a plain-http intranet install must not
 * be told to insist on https).
 */
export function commonSecurityHeaders(baseUrl: string): [name: string, value: string][] {
  const headers: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "same-origin"],
    // camera: the QR check-in scans with the device camera on our own pages.
    [
      "Permissions-Policy",
      "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()",
    ],
    ["X-Frame-Options", "DENY"],
  ];
  if (baseUrl.startsWith("https:")) headers.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/** A fresh nonce for one page's inline scripts (React Router's hydration data and module loader). */
export const createNonce = () => randomBytes(16).toString("base64");

/**
 * The pages' policy: nothing from outside origins; scripts only our own files
 * and the inline scripts carrying this response's nonce; no inline styles
 * (Tailwind is one stylesheet); no framing, no plugins, forms post here only.
 * In development Vite's HMR needs inline styles and a WebSocket.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const dev = options.development ?? false;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sets the page headers on a server-rendered document. */
export function setDocumentHeaders(headers: Headers, nonce: string, options: { development?: boolean } = {}): void {
  // Development: reported in the console, not enforced (Vite's client injects what it needs).
  headers.set(
    options.development ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy",
    contentSecurityPolicy(nonce, options),
  );
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
}

/**
 * Applied to every response React Router produces: the common headers, and
 * no-store unless the route chose its own Cache-Control (public API lists,
 * downloads). Pages, their data (`.data`, single fetch) and redirects carry
 * the signed-in person's data or cookies and vary with cookies, so no cache
 * keeps them. (The middleware cannot tell a page's data by its type: a
 * redirect becomes single-fetch data only after it.)
 */
export function applySecurityHeaders(response: Response, baseUrl: string): void {
  const headers = response.headers;
  for (const [name, value] of commonSecurityHeaders(baseUrl)) headers.set(name, value);
  if (!headers.has("cache-control")) headers.set("Cache-Control", "no-store");
}
