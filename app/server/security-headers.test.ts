import { describe, expect, it } from "vitest";
import {
  applySecurityHeaders,
  commonSecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  setDocumentHeaders,
} from "./security-headers.server";

const directives = (csp: string) => Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("security headers", () => {
  it("allows no outside origin and only this page's nonce for scripts", () => {
    const csp = directives(contentSecurityPolicy("abc123"));
    expect(csp).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123'",
      "style-src": "'self'",
      "img-src": "'self' data:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
  });

  it("makes a new nonce per page", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });

  it("only reports in development, where Vite needs inline styles and a WebSocket", () => {
    const headers = new Headers();
    setDocumentHeaders(headers, "n", { development: true });
    expect(headers.get("content-security-policy")).toBeNull();
    expect(headers.get("content-security-policy-report-only")).toContain("connect-src 'self' ws: wss:");
    const production = new Headers();
    setDocumentHeaders(production, "n");
    expect(production.get("content-security-policy")).toContain("'nonce-n'");
  });

  it("sends HSTS only when the site is served over https", () => {
    const names = (url: string) => commonSecurityHeaders(url).map(([n]) => n);
    expect(names("http://localhost:3000")).not.toContain("Strict-Transport-Security");
    expect(Object.fromEntries(commonSecurityHeaders("https://renkei.example.lg.jp"))).toMatchObject({
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
    });
    expect(Object.fromEntries(commonSecurityHeaders("http://x"))["Permissions-Policy"]).toMatch(
      /^camera=\(self\), microphone=\(\), geolocation=\(\)/,
    );
  });

  it("stores no page, no page data and no redirect, but keeps a route's own caching", () => {
    for (const response of [
      new Response("<html>", { headers: { "content-type": "text/html" } }),
      new Response("[]", { headers: { "content-type": "text/x-script" } }),
      new Response(null, { status: 302, headers: { location: "/" } }),
    ]) {
      applySecurityHeaders(response, "http://localhost:3000");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const publicList = new Response("{}", { headers: { "content-type": "application/json", "cache-control": "public, max-age=60" } });
    applySecurityHeaders(publicList, "http://localhost:3000");
    expect(publicList.headers.get("cache-control")).toBe("public, max-age=60");
  });
});
