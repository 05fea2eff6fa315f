// The defects of issue 17 item 10 through the real route actions: the login
// page and POST /api/v1/tokens share one budget of wrong passwords per account
// and address, correct sign-ins are never limited, the real user keeps signing
// in from their own address, spraying is stopped, sign-up ignores a
// client-written X-Forwarded-For, and every refusal says when to retry.
import { RouterContextProvider, type UNSAFE_DataWithResponseInit } from "react-router";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember, TEST_PASSWORD } from "~/test/factories";
import { clientAddressContext, requestIdContext, runtimeContext } from "~/server/context.server";
import * as tokens from "./api/tokens";
import * as login from "./identity/login";
import * as signup from "./identity/signup";
import * as forgotPassword from "./identity/forgot-password";

const drivers = await testDrivers();
const ATTACKER = "198.51.100.66";
const OWNER = "203.0.113.10";

type FormResult = Response | UNSAFE_DataWithResponseInit<unknown>;
/** The form-level message and the kept values of a refused form (Conform's lastResult). */
const refusal = (result: FormResult) =>
  result instanceof Response ? null : (result.data as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> });

describe.each(drivers)("sign-in limits on %s", (kind) => {
  let app: TestApp;
  let member: { email: string };
  beforeEach(async () => {
    app = await startTestApp(kind);
    member = await createMember(app.runtime);
  });
  afterEach(async () => {
    await app.close();
  });

  const token = (email: string, password: string, clientAddress: string) =>
    app.call(tokens.action, { path: "/api/v1/tokens", method: "POST", json: { email, password }, clientAddress });

  /** A page action with a form body, as server.mjs would call it from `address`. */
  async function postForm(
    action: (args: never) => Promise<unknown>,
    path: string,
    fields: Record<string, string>,
    address: string,
    headers: Record<string, string> = {},
  ) {
    const request = new Request(new URL(path, app.runtime.config.baseUrl), { method: "POST", body: new URLSearchParams(fields), headers });
    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    context.set(requestIdContext, randomUUID());
    context.set(clientAddressContext, address);
    return (await (action as (args: unknown) => Promise<unknown>)({ request, params: {}, context })) as FormResult;
  }
  const statusOf = (r: FormResult) => (r instanceof Response ? r.status : (r.init?.status ?? 200));

  it("POST /api/v1/tokens: the 11th and later correct sign-ins are not refused", async () => {
    for (let i = 0; i < 15; i++) expect((await token(member.email, TEST_PASSWORD, OWNER)).status).toBe(201);
  });

  it("ten wrong passwords from an attacker do not lock out the real user at their address; the attacker gets 429 with Retry-After", async () => {
    for (let i = 0; i < 10; i++) expect((await token(member.email, "wrong-password-1", ATTACKER)).status).toBe(401);
    const refused = await token(member.email, TEST_PASSWORD, ATTACKER);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(590);
    const problem = await refused.json();
    expect(problem).toMatchObject({ status: 429, code: "rate_limited" });
    expect(problem.title).toMatch(/10分/);
    expect((await token(member.email, TEST_PASSWORD, OWNER)).status).toBe(201);
  });

  it("the login page and the token endpoint share one budget: 10 guesses in all, not 20", async () => {
    for (let i = 0; i < 5; i++)
      expect(statusOf(await postForm(login.action, "/login", { email: member.email, password: "wrong-password-1" }, ATTACKER))).toBe(401);
    for (let i = 0; i < 5; i++) expect((await token(member.email, "wrong-password-1", ATTACKER)).status).toBe(401);
    expect((await token(member.email, "wrong-password-1", ATTACKER)).status).toBe(429);
    const page = await postForm(login.action, "/login", { email: member.email, password: TEST_PASSWORD }, ATTACKER);
    expect(statusOf(page)).toBe(429);
    expect(page instanceof Response ? null : new Headers(page.init?.headers).get("retry-after")).toMatch(/^\d+$/);
    // The page says how long to wait, in Japanese minutes, and keeps the e-mail typed.
    const form = refusal(page);
    expect(form?.error?.[""]?.join(" ")).toMatch(/10分ほど待って/);
    expect(form?.initialValue?.email).toBe(member.email);
  });

  it("a correct sign-in on the login page clears the failures", async () => {
    for (let i = 0; i < 9; i++) await postForm(login.action, "/login", { email: member.email, password: "wrong-password-1" }, OWNER);
    expect(statusOf(await postForm(login.action, "/login", { email: member.email, password: TEST_PASSWORD }, OWNER))).toBe(302);
    for (let i = 0; i < 9; i++) expect((await token(member.email, "wrong-password-1", OWNER)).status).toBe(401);
  });

  it("spraying 40 accounts from one address is throttled", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await token(`sprayed-${i}@example.jp`, "Winter2026!", ATTACKER)).status);
    expect(statuses.filter((s) => s === 401).length).toBe(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect((await token(member.email, TEST_PASSWORD, OWNER)).status).toBe(201);
  });

  it("sign-up is limited by the connection's address, not by a client-written X-Forwarded-For", async () => {
    for (let i = 0; i < 20; i++) {
      const result = await postForm(signup.action, "/signup", { organizationKind: "company" }, ATTACKER, {
        "x-forwarded-for": `10.0.${i}.1`,
      });
      expect(statusOf(result)).toBe(422);
    }
    const refused = await postForm(signup.action, "/signup", { organizationKind: "company" }, ATTACKER, { "x-forwarded-for": "10.9.9.9" });
    expect(statusOf(refused)).toBe(429);
    expect(statusOf(await postForm(signup.action, "/signup", { organizationKind: "company" }, OWNER))).toBe(422);
  });

  it("password reset requests are limited per account, with the wait shown", async () => {
    for (let i = 0; i < 5; i++)
      expect(await postForm(forgotPassword.action, "/forgot-password", { email: member.email }, `198.51.100.${i + 1}`)).toEqual({
        sent: true,
      });
    const refused = await postForm(forgotPassword.action, "/forgot-password", { email: member.email }, OWNER);
    expect(statusOf(refused)).toBe(429);
    expect(refusal(refused)?.error?.[""]?.join(" ")).toMatch(/分ほど待って/);
  });
});
