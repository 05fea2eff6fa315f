// Issue 17 item 6: redirects to a place the request names (login's `next`,
// the language switch's Referer) stay on this site, and a non-ASCII `next`
// is percent-encoded instead of failing after the password was accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { RouterContextProvider } from "react-router";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember, TEST_PASSWORD } from "~/test/factories";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import * as login from "./identity/login";
import * as locale from "./locale";

const drivers = await testDrivers();

const HOSTILE = [
  "/\t/evil.example",
  "/\\evil.example",
  "//evil.example",
  "/.//evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "%2F%2Fevil",
];

describe.each(drivers)("redirects named by the request on %s", (kind) => {
  let app: TestApp;
  let email: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    ({ email } = await createMember(app.runtime));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Runs a route handler like the server; a thrown Response is the answer too. */
  async function run(handler: (args: never) => unknown, path: string, init: RequestInit = {}): Promise<unknown> {
    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    context.set(requestIdContext, randomUUID());
    const request = new Request(new URL(path, app.runtime.config.baseUrl), init);
    try {
      return await (handler as (args: unknown) => Promise<unknown>)({ request, params: {}, context });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  const signIn = async (next: string) => {
    const form = new URLSearchParams({ email, password: TEST_PASSWORD, next });
    const res = (await run(login.action, "/login", {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    })) as Response;
    return { status: res.status, location: res.headers.get("location") };
  };

  it.each(HOSTILE)("login?next=%j puts / in the form", async (next) => {
    const answer = (await run(login.loader, `/login?next=${encodeURIComponent(next)}`)) as { next: string };
    expect(answer.next).toBe("/");
  });

  it("login?next=/%09/evil.example (a tab once decoded) puts / in the form", async () => {
    const answer = (await run(login.loader, "/login?next=/%09/evil.example")) as { next: string };
    expect(answer.next).toBe("/");
  });

  it.each(HOSTILE)("signing in with next=%j goes to /", async (next) => {
    expect(await signIn(next)).toEqual({ status: 302, location: "/" });
  });

  it("signing in with next=/themes?q=交通 goes there, percent-encoded", async () => {
    expect(await signIn("/themes?q=交通")).toEqual({ status: 302, location: "/themes?q=%E4%BA%A4%E9%80%9A" });
  });

  it("signing in with an ordinary next goes there", async () => {
    expect(await signIn("/proposals?status=submitted")).toEqual({ status: 302, location: "/proposals?status=submitted" });
  });

  const switchLanguage = async (referer: string) => {
    const res = (await run(locale.action, "/locale", {
      method: "POST",
      body: new URLSearchParams({ locale: "en" }),
      headers: { "content-type": "application/x-www-form-urlencoded", referer },
    })) as Response;
    return { status: res.status, location: res.headers.get("location") };
  };

  it.each([
    ["//evil.example/x", "/"],
    ["/.//evil.example/x", "/"],
    ["/themes?q=%E4%BA%A4", "/themes?q=%E4%BA%A4"],
  ])("the language switch from our page %j returns to %j", async (path, expected) => {
    expect(await switchLanguage(`${app.runtime.config.baseUrl}${path}`)).toEqual({ status: 302, location: expected });
  });

  it.each(["https://evil.example/x", "not a url", "http://[::1"])("the language switch with Referer %j returns to /", async (referer) => {
    expect(await switchLanguage(referer)).toEqual({ status: 302, location: "/" });
  });
});
