// Issue 17 item 12: the Content-Security-Policy and the other protective
// headers hold in a real browser: pages of several kinds load for a signed-in
// person with no CSP violation and no console error, React hydrates (a
// client-side navigation keeps the page's JavaScript state), and the headers
// are on pages, their .data requests and static assets.
import { describe, expect, it } from "vitest";
import type { Page, Response } from "playwright-core";
import { login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

/** Console errors, page errors and CSP violations seen by the page (all documents of the context). */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Injected by the browser's debugging protocol, so the page's CSP does not apply to it.
  await page.context().addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`),
    );
  });
  page.on("console", (message) => {
    if (message.type() === "error" || /Content.Security.Policy|Permissions.Policy/i.test(message.text()))
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

function expectPageHeaders(response: Response | null) {
  expect(response, "navigation response").not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);
  expect(headers).toMatchObject({
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
  });
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  // http://localhost: no HSTS on a plain-http install.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

describe("security headers in the browser", () => {
  it("loads a desk's pages with the CSP enforced, without violations, and hydrates", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    const problems = await watch(page);
    const assets: Response[] = [];
    const data: Response[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/assets/")) assets.push(r);
      if (new URL(r.url()).pathname.endsWith(".data")) data.push(r);
    });
    await login(page, "desk@demo.renkei.example");
    for (const path of [
      "/",
      "/proposals",
      "/agreements",
      "/themes",
      "/desk/themes",
      "/audit",
      "/notifications",
      "/settings",
      "/municipalities",
      "/developers/api",
    ]) {
      expectPageHeaders(await page.goto(path));
      await page.locator("h1").first().waitFor();
    }
    // A proposal's page, reached through its list.
    await page.goto("/proposals");
    await page.locator("main a[href^='/proposals/']").first().click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await page.locator("h1").waitFor();

    // Hydration: a click in the menu is handled by React Router (no new document),
    // so state kept in the page survives and the route's data comes as .data.
    await page.goto("/");
    await page.evaluate(() => ((window as unknown as { hydrationProbe: number }).hydrationProbe = 42));
    await page.getByRole("navigation", { name: "メインナビゲーション" }).getByRole("link", { name: "募集テーマ", exact: true }).click();
    await page.waitForURL(/\/themes$/);
    await page.locator("h1").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { hydrationProbe?: number }).hydrationProbe)).toBe(42);

    expect(data.length, "client navigation fetched .data").toBeGreaterThan(0);
    for (const r of data)
      expect({ url: r.url(), ...r.headers() }).toMatchObject({ "cache-control": "no-store", "x-content-type-options": "nosniff" });
    expect(assets.length).toBeGreaterThan(0);
    for (const r of assets) expect(r.headers()["x-content-type-options"], r.url()).toBe("nosniff");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("refuses to be framed and runs no script without the page's nonce", async () => {
    const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
    const problems = await watch(page);
    await page.goto("/");
    // A script added the way injected markup would be: the policy blocks it and reports it.
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect(problems.some((p) => p.includes("CSP violation: script-src"))).toBe(true);
    // Framing, even by our own pages (frame-ancestors 'none', X-Frame-Options DENY).
    const framed = await page.evaluate(async () => {
      const frame = document.createElement("iframe");
      frame.src = "/themes";
      const loaded = new Promise((r) => frame.addEventListener("load", r));
      document.body.append(frame);
      await loaded;
      try {
        return frame.contentDocument?.querySelector("h1")?.textContent ?? null;
      } catch {
        return null;
      }
    });
    expect(framed).toBeNull();
    await context.close();
  });
});
