// API tokens die with the password (issue 17, item 7): after a reset through
// the real flow (forgot-password → mailed link → reset-password) or a change
// of password, every personal and sign-in token of the user answers 401, the
// revocation is audited, and settings says which tokens stopped working.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { RouterContextProvider } from "react-router";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember, TEST_PASSWORD } from "~/test/factories";
import { auditRows, contextOf, extract, outboxTo, scopedContext, signInCookie } from "~/test/helpers";
import * as forgotPassword from "~/routes/identity/forgot-password";
import * as resetPasswordRoute from "~/routes/identity/reset-password";
import * as tokensApi from "~/routes/api/tokens";
import * as meApi from "~/routes/api/me";
import { createApiToken, revokeApiToken } from "~/features/identity/commands.server";
import { latestTokenRevocation, listApiTokens } from "~/features/identity/data.server";

const drivers = await testDrivers();
const NEW_PASSWORD = "a-brand-new-password-2027";

describe.each(drivers)("API tokens after a password reset or change on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  const me = (token: string) => app.call(meApi.loader, { path: "/api/v1/me", token });
  const form = (values: Record<string, string>) => ({
    method: "POST",
    body: new URLSearchParams(values),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

  /** A member with a personal token (from settings) and a token from POST /api/v1/tokens, besides the factory's own. */
  async function memberWithTokens() {
    const user = await createMember(app.runtime, { role: "desk_admin" });
    const personal = await createApiToken(await contextOf(app.runtime, user), { name: "庁内連携システム" });
    const issued = await app.call(tokensApi.action, {
      path: "/api/v1/tokens",
      method: "POST",
      json: { email: user.email, password: TEST_PASSWORD },
    });
    expect(issued.status).toBe(201);
    const login = (await issued.json()).token as string;
    const tokens = [user.token, personal.token, login];
    for (const token of tokens) expect((await me(token)).status).toBe(200);
    return { user, tokens };
  }

  it("revokes every token of the user when the password is reset through the mailed link", async () => {
    const { user, tokens } = await memberWithTokens();
    const other = await createMember(app.runtime);
    // A token the owner revoked earlier is not counted again.
    const old = await createApiToken(await contextOf(app.runtime, user), { name: "古いトークン" });
    await revokeApiToken(await contextOf(app.runtime, user), old.id);

    // The forgot-password page answers with data (no redirect): call it as the router would.
    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    context.set(requestIdContext, randomUUID());
    const request = new Request(new URL("/forgot-password", app.runtime.config.baseUrl), form({ email: user.email }));
    expect(await forgotPassword.action({ request, params: {}, context } as never)).toEqual({ sent: true });
    const [mail] = await outboxTo(app.runtime.db, user.email);
    const resetToken = decodeURIComponent(extract(mail!.bodyText, /\/reset-password\?token=(\S+)/));
    const done = await app.call(resetPasswordRoute.action, {
      path: "/reset-password",
      ...form({ token: resetToken, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
    });
    expect(done.status).toBe(302);

    for (const token of tokens) expect((await me(token)).status).toBe(401);
    expect((await me(other.token)).status).toBe(200);
    const [entry] = await auditRows(app.runtime.db, { action: "token.revokeAll" });
    expect(entry).toMatchObject({
      targetType: "user",
      targetId: user.userId,
      actorUserId: user.userId,
      after: { reason: "password_reset" },
    });
    expect((entry!.after as { revoked: { name: string }[] }).revoked.map((t) => t.name).sort()).toEqual([
      "API (POST /api/v1/tokens)",
      "test",
      "庁内連携システム",
    ]);

    // Signed in again with the new password, settings says what stopped working and lists no live token.
    const cookie = await signInCookie(app.runtime, user.email, NEW_PASSWORD);
    const { ctx } = await scopedContext(app.runtime, { cookie });
    expect(await listApiTokens(ctx)).toEqual([]);
    const notice = await latestTokenRevocation(ctx);
    expect(notice).toMatchObject({ reason: "password_reset" });
    expect(notice!.names.sort()).toEqual(["API (POST /api/v1/tokens)", "test", "庁内連携システム"]);
    // A new token works.
    const fresh = await createApiToken(ctx, { name: "作り直したトークン" });
    expect((await me(fresh.token)).status).toBe(200);
  });

  it("revokes every token of the user when the password is changed", async () => {
    const { user, tokens } = await memberWithTokens();
    const cookie = await signInCookie(app.runtime, user.email);
    const wrong = app.runtime.auth.api.changePassword({
      body: { currentPassword: "not-the-password-1", newPassword: NEW_PASSWORD },
      headers: new Headers({ cookie }),
    });
    await expect(wrong).rejects.toThrow();
    for (const token of tokens) expect((await me(token)).status).toBe(200);
    expect(await auditRows(app.runtime.db, { action: "token.revokeAll" })).toEqual([]);

    await app.runtime.auth.api.changePassword({
      body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      headers: new Headers({ cookie }),
    });
    for (const token of tokens) expect((await me(token)).status).toBe(401);
    expect(await auditRows(app.runtime.db, { action: "token.revokeAll" })).toEqual([
      expect.objectContaining({ targetId: user.userId, after: expect.objectContaining({ reason: "password_change" }) }),
    ]);
    const { ctx } = await scopedContext(app.runtime, { cookie: await signInCookie(app.runtime, user.email, NEW_PASSWORD) });
    expect(await latestTokenRevocation(ctx)).toMatchObject({ reason: "password_change" });
  });

  it("shows no notice to someone who only revoked a token themselves", async () => {
    const user = await createMember(app.runtime);
    const ctx = await contextOf(app.runtime, user);
    const extra = await createApiToken(ctx, { name: "使わなくなった" });
    await revokeApiToken(ctx, extra.id);
    expect(await latestTokenRevocation(ctx)).toBeNull();
  });
});
