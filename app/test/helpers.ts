// Test helpers shared by the integration suites: reach a TenantScope only
// through the real gate (bearer token or session cookie), sign in for a
// cookie, capture AppErrors, and read what a command left behind (audit rows,
// outbox mail, notifications) straight from the database.
import { randomUUID } from "node:crypto";
import { and, asc, eq, type SQL } from "drizzle-orm";
import { isAppError, type AppError } from "~/lib/errors";
import type { PublicContext, ScopedContext } from "~/lib/tenancy";
import { apiTokens, auditLog, notifications, outboxEmails } from "~/lib/db/schema";
import type { Db } from "~/lib/db/client.server";
import { identify, requireScopeFrom, type Identity } from "~/features/identity/gate.server";
import { issueApiToken, type AuthDeps } from "~/features/identity/commands.server";
import { hashToken } from "~/features/identity/tokens";
import { proposalEvents, proposals } from "~/features/proposals/tables";
import type { Runtime } from "~/server/runtime.server";

/** The password of every user the factories sign up. */
export const TEST_PASSWORD = "correct-horse-battery";

/** How a caller authenticates: a bearer token, or a session cookie header. */
export interface Credentials {
  token?: string;
  cookie?: string;
  /** X-Renkei-Organization (bearer tokens only). */
  organization?: string;
}

export function requestFor(runtime: Runtime, who: Credentials, path = "/", init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (who.token) headers.set("authorization", `Bearer ${who.token}`);
  if (who.cookie) headers.set("cookie", who.cookie);
  if (who.organization) headers.set("x-renkei-organization", who.organization);
  return new Request(new URL(path, runtime.config.baseUrl), { ...init, headers });
}

/**
 * The gate's verdict on a caller (null = anonymous), as the API sees it: pages
 * ignore a token that is not ours (a Basic-auth proxy), the API answers 401.
 */
export function identityFor(runtime: Runtime, who: Credentials): Promise<Identity | null> {
  return identify(requestFor(runtime, who, "/api/v1/me"), { db: runtime.db, auth: runtime.auth });
}

/** A ScopedContext minted by the gate, with a fresh request id. */
export async function scopedContext(runtime: Runtime, who: Credentials): Promise<{ ctx: ScopedContext; identity: Identity }> {
  const identity = await identityFor(runtime, who);
  const scope = requireScopeFrom(identity);
  return { ctx: { db: runtime.db, requestId: randomUUID(), baseUrl: runtime.config.baseUrl, scope }, identity: identity! };
}

/** The context of one command by someone holding a token (a fresh request id each call). */
export async function contextOf(runtime: Runtime, who: { token: string }): Promise<ScopedContext> {
  return (await scopedContext(runtime, { token: who.token })).ctx;
}

/** A context without a tenant scope, as a public page or a token-addressed resource has. */
export function publicContextOf(runtime: Runtime, requestId: string = randomUUID()): PublicContext {
  return { db: runtime.db, requestId, baseUrl: runtime.config.baseUrl, scope: null };
}

export function authDeps(runtime: Runtime, requestId: string = randomUUID()): AuthDeps {
  return { ...publicContextOf(runtime, requestId), auth: runtime.auth };
}

/** "a=1; b=2" from Set-Cookie headers (expired cookies dropped). */
export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .filter((c) => !/max-age=0\b/i.test(c))
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/** Signs in through better-auth and returns a Cookie header for the new session. */
export async function signInCookie(runtime: Runtime, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await runtime.auth.api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  const cookie = cookieHeader(response.headers.getSetCookie());
  if (!cookie) throw new Error("sign-in returned no cookie");
  return cookie;
}

/** The AppError a promise rejects with (anything else fails the test). */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail with an AppError, but it succeeded");
}

/** Field paths of a validation error, sorted. */
export const fieldPaths = (error: AppError) => [...new Set(error.fieldErrors.map((e) => e.path))].sort();

export async function auditRows(db: Db, filter: { requestId?: string; action?: string; targetId?: string } = {}) {
  const where: SQL[] = [];
  if (filter.requestId) where.push(eq(auditLog.requestId, filter.requestId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.targetId) where.push(eq(auditLog.targetId, filter.targetId));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(asc(auditLog.occurredAt), asc(auditLog.id));
}

export async function outboxTo(db: Db, to: string) {
  return db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).orderBy(asc(outboxEmails.createdAt), asc(outboxEmails.id));
}

export async function outboxById(db: Db, id: string) {
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return row;
}

export async function notificationRows(db: Db, userId: string) {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}

/** The first capture group of `pattern` in a mail body. */
export function extract(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`no match for ${pattern} in:\n${text}`);
  return match[1];
}

/** Makes an API token expire (as if its 30 days had passed). */
export async function expireApiToken(db: Db, token: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(apiTokens.tokenHash, hashToken(token)));
}

/** A signed-up person who belongs to no organisation yet, with an API token. */
export async function createUserWithoutMembership(runtime: Runtime) {
  const email = `lonely-${randomUUID().slice(0, 8)}@example.jp`;
  const created = await runtime.auth.api.signUpEmail({ body: { name: "未所属 太郎", email, password: TEST_PASSWORD } });
  const userId = created.user.id;
  const { token } = await issueApiToken(publicContextOf(runtime, "test"), { id: userId, name: null }, "test");
  return { userId, email, token };
}

/**
 * Turns a proposal in screening into one accepted before decision 0032 (accepted,
 * the dialogue not started): no command reaches that status any more.
 */
export async function acceptBeforeDialogue(db: Db, proposalId: string, actorUserId: string | null = null): Promise<void> {
  await db.update(proposals).set({ status: "accepted" }).where(eq(proposals.id, proposalId));
  await db.insert(proposalEvents).values({ proposalId, fromStatus: "screening", toStatus: "accepted", actorUserId });
}
