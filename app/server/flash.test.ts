// The flash cookie is signed with the runtime's secret: a message comes back
// once on the next page; a forged, altered or old unsigned cookie shows nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RouterContextProvider } from "react-router";
import { startTestApp, type TestApp } from "~/test/harness";
import { runtimeContext } from "./context.server";
import { flashCookie, readFlash, redirectWithFlash } from "./flash.server";

describe("flash messages", () => {
  let app: TestApp;
  let args: { context: RouterContextProvider };
  beforeAll(async () => {
    app = await startTestApp("pglite");
    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    args = { context };
  });
  afterAll(() => app.close());

  const pageWith = (cookie: string) => ({ ...args, request: new Request("http://localhost/", { headers: { cookie } }) });
  const pairOf = (setCookie: string) => setCookie.split(";")[0]!;

  it("carries a catalog message with its parameters to the next page, once", async () => {
    const redirect = await redirectWithFlash(args, "/themes/1", "themes.published", { title: "防災" }, ["other=1; Path=/"]);
    expect(redirect.status).toBe(302);
    const cookies = redirect.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^renkei_flash=.+; Max-Age=60; Path=\/; HttpOnly; SameSite=Lax$/);
    const read = await readFlash(pageWith(pairOf(cookies[0]!)), "ja");
    expect(read.message).toContain("防災");
    expect(read.clear).toMatch(/^renkei_flash=; .*Expires=Thu, 01 Jan 1970/);
  });

  it("shows nothing for a cookie that was altered, forged without the secret, or written unsigned", async () => {
    const pair = pairOf(await flashCookie(args, "auth.logout.done"));
    const [name, value] = pair.split("=") as [string, string];
    const altered = `${name}=${value.slice(0, 5)}${value[5] === "A" ? "B" : "A"}${value.slice(6)}`;
    const unsigned = `renkei_flash=${Buffer.from(JSON.stringify({ key: "auth.logout.done" })).toString("base64url")}`;
    for (const cookie of [altered, unsigned, "renkei_flash=%E0%A4%A"]) {
      const read = await readFlash(pageWith(cookie), "ja");
      expect(read, cookie).toMatchObject({ message: null });
      expect(read.clear, cookie).toMatch(/^renkei_flash=; .*Expires=Thu, 01 Jan 1970/);
    }
    expect(await readFlash(pageWith("lang=en"), "ja")).toEqual({ message: null, clear: null });
  });
});
