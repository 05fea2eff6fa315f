// The gate: the only place that turns a request (session cookie or API token)
// into a TenantScope. Everything tenant-scoped downstream trusts this.
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Auth } from "~/lib/auth/auth.server";
import type { Db } from "~/lib/db/client.server";
import { AppError, forbidden, unauthorized } from "~/lib/errors";
import { mintTenantScope, type ScopeCheck, type TenantScope } from "~/lib/tenancy";
import { apiTokens, users } from "./tables";
import { hashToken, looksLikeApiToken } from "./tokens";
import type { MembershipView } from "./schema";
import { loadMemberships } from "./data.internal.server";
import { readCookie } from "~/lib/http/cookies";

export const ACTIVE_ORG_COOKIE = "renkei_org";

export interface Identity {
  user: { id: string; name: string; email: string; locale: string; emailNotifications: boolean; lastMembershipId: string | null };
  memberships: MembershipView[];
  active: MembershipView | null;
  via: "session" | "token";
  /** Set-Cookie headers the session layer wants forwarded (refresh/expiry). */
  setCookies: string[];
}

export interface GateDeps {
  db: Db;
  auth: Auth;
}

function chooseActive(list: MembershipView[], preferred: (string | null | undefined)[]): MembershipView | null {
  for (const id of preferred) {
    if (!id) continue;
    const found = list.find((m) => m.membershipId === id) ?? list.find((m) => m.organizationId === id);
    if (found) return found;
  }
  return list[0] ?? null;
}

async function userFromToken(db: Db, token: string) {
  if (!looksLikeApiToken(token)) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Record use at most once a minute: a write per API call would be wasteful.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, row.tokenId));
  }
  return row.user;
}

const isApiRequest = (request: Request) => new URL(request.url).pathname.startsWith("/api/");

/**
 * Who is calling, or null for an anonymous request. Bearer tokens win over
 * cookies. The API refuses any other Authorization (401); pages ignore one
 * that names no token of ours — a reverse proxy with Basic authentication in
 * front of the site sends `Authorization: Basic …` on every request, and the
 * person behind it signs in with the session cookie.
 */
export async function identify(request: Request, deps: GateDeps): Promise<Identity | null> {
  const authorization = request.headers.get("authorization");
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  const tokenUser = match?.[1] ? await userFromToken(deps.db, match[1]) : null;
  if (authorization && (tokenUser || isApiRequest(request))) {
    if (!tokenUser) throw unauthorized("error.unauthorized.token");
    const list = await loadMemberships(deps.db, tokenUser.id);
    const active = chooseActive(list, [request.headers.get("x-renkei-organization"), tokenUser.lastMembershipId]);
    if (
      request.headers.get("x-renkei-organization") &&
      active?.organizationId !== request.headers.get("x-renkei-organization") &&
      active?.membershipId !== request.headers.get("x-renkei-organization")
    ) {
      throw forbidden();
    }
    return { user: tokenUser, memberships: list, active, via: "token", setCookies: [] };
  }

  const result = await deps.auth.api.getSession({ headers: request.headers, returnHeaders: true });
  const setCookies = result.headers?.getSetCookie?.() ?? [];
  const session = result.response;
  if (!session) return null;
  // The session read already brought the user row (auth.server.ts lists our columns).
  const user = {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    locale: session.user.locale ?? "ja",
    emailNotifications: session.user.emailNotifications ?? true,
    lastMembershipId: session.user.lastMembershipId ?? null,
  };
  const list = await loadMemberships(deps.db, user.id);
  const active = chooseActive(list, [readCookie(request, ACTIVE_ORG_COOKIE), user.lastMembershipId]);
  return { user, memberships: list, active, via: "session", setCookies };
}

export function scopeOf(identity: Identity, membership: MembershipView): TenantScope {
  return mintTenantScope({
    userId: identity.user.id,
    userName: identity.user.name,
    userEmail: identity.user.email,
    membershipId: membership.membershipId,
    organizationId: membership.organizationId,
    organizationKind: membership.organizationKind,
    organizationName: membership.organizationName,
    role: membership.role,
    departmentId: membership.departmentId,
    localGovCode: membership.localGovCode,
  });
}

/**
 * The scope of the caller's active membership. No identity → 401; signed in
 * but in no organisation (or not allowed by `allow`, a policy predicate) → 403.
 */
export function requireScopeFrom(identity: Identity | null, allow?: ScopeCheck): TenantScope {
  if (!identity) throw unauthorized();
  if (!identity.active) throw new AppError("forbidden");
  const scope = scopeOf(identity, identity.active);
  if (allow && !allow(scope)) throw forbidden();
  return scope;
}
