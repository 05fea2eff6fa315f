// The gate and foreign Authorization schemes (issue 17): a reverse proxy with
// Basic authentication in front of the site sends `Authorization: Basic …` on
// every request. Pages must ignore it and use the session cookie; the API
// answers 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember } from "~/test/factories";
import { appErrorOf, signInCookie } from "~/test/helpers";
import { identify } from "./gate.server";

const drivers = await testDrivers();
const BASIC = `Basic ${Buffer.from("proxy:secret").toString("base64")}`;

describe.each(drivers)("the gate on %s", (kind) => {
  let app: TestApp;
  let cookie: string;
  let email: string;
  beforeAll(async () => {
    app = await startTestApp(kind);
    const member = await createMember(app.runtime, { role: "member" });
    email = member.email;
    cookie = await signInCookie(app.runtime, email);
  });
  afterAll(() => app.close());

  const request = (path: string, headers: Record<string, string>) => new Request(new URL(path, app.runtime.config.baseUrl), { headers });
  const deps = () => ({ db: app.runtime.db, auth: app.runtime.auth });

  it("pages: Basic authorization is ignored, the session cookie signs in", async () => {
    const identity = await identify(request("/", { authorization: BASIC, cookie }), deps());
    expect(identity?.user.email).toBe(email);
    expect(identity?.via).toBe("session");
    expect(await identify(request("/themes", { authorization: BASIC }), deps())).toBeNull();
    expect(await identify(request("/", { authorization: "Bearer rk_not-a-token", cookie }), deps())).toMatchObject({ via: "session" });
  });

  it("ignores an active-organisation cookie that does not decode instead of failing", async () => {
    const identity = await identify(request("/", { cookie: `${cookie}; renkei_org=%E0%A4%A` }), deps());
    expect(identity?.user.email).toBe(email);
    expect(identity?.active).not.toBeNull();
  });

  it("API: Basic authorization is a 401", async () => {
    const error = await appErrorOf(identify(request("/api/v1/me", { authorization: BASIC, cookie }), deps()));
    expect(error.status).toBe(401);
  });
});
