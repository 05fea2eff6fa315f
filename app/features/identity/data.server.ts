import { decodeCursor, encodeCursor } from "~/lib/cursor";
import { containsPattern } from "~/lib/db/like";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { subqueries } from "~/lib/db/lookup";
import { forbidden, notFound } from "~/lib/errors";
import type { PublicContext, ScopedContext } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { apiTokens, invitations, memberships, organizations, users } from "./tables";
import { canListMembers, canManageMember, canManageOrganizations } from "./policy";
import { hashToken } from "./tokens";
import type { Identity } from "./gate.server";
import type { ApiTokenView, MemberView, MeView, OrganizationView, PlatformAtHome, TokenRevocationView } from "./schema";

export function meView(identity: Identity): MeView {
  const { user } = identity;
  return {
    user: { id: user.id, name: user.name, email: user.email, locale: user.locale, emailNotifications: user.emailNotifications },
    activeMembershipId: identity.active?.membershipId ?? null,
    memberships: identity.memberships,
  };
}

export type { OrganizationView } from "./schema";

const orgColumns = {
  id: organizations.id,
  kind: organizations.kind,
  name: organizations.name,
  nameKana: organizations.nameKana,
  corporateNumber: organizations.corporateNumber,
  localGovCode: organizations.localGovCode,
  parentId: organizations.parentId,
  description: organizations.description,
  fields: organizations.fields,
};

/** The caller's own organisation (the active one). */
export async function getActiveOrganization(ctx: ScopedContext): Promise<OrganizationView> {
  const [row] = await ctx.db.select(orgColumns).from(organizations).where(eq(organizations.id, ctx.scope.organizationId));
  if (!row) throw notFound();
  return row;
}

/** Departments of the caller's municipality/prefecture (empty for partners). */
export async function listDepartments(ctx: ScopedContext): Promise<OrganizationView[]> {
  return ctx.db
    .select(orgColumns)
    .from(organizations)
    .where(and(eq(organizations.parentId, ctx.scope.organizationId), eq(organizations.kind, "department")))
    .orderBy(asc(organizations.name));
}

export interface PendingInvitationView {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
}

const departments = alias(organizations, "departments");

export async function listMembers(ctx: ScopedContext): Promise<{ members: MemberView[]; invitations: PendingInvitationView[] }> {
  if (!canListMembers(ctx.scope)) throw forbidden();
  const [members, pending] = await Promise.all([
    ctx.db
      .select({
        membershipId: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        departmentId: memberships.departmentId,
        departmentName: departments.name,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(departments, eq(departments.id, memberships.departmentId))
      .where(eq(memberships.organizationId, ctx.scope.organizationId))
      .orderBy(asc(memberships.role), asc(users.name)),
    ctx.db
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, ctx.scope.organizationId),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(invitations.createdAt)),
  ]);
  return {
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString(), manageable: canManageMember(ctx.scope, m) })),
    invitations: pending.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

/** The caller's own active tokens. */
export async function listApiTokens(ctx: ScopedContext): Promise<ApiTokenView[]> {
  const rows = await ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, ctx.scope.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null }));
}

const REVOCATION_NOTICE_DAYS = 30;

/**
 * The caller's latest password reset or change that revoked API tokens, within
 * the last 30 days, so settings can say which integrations need a new token.
 */
export async function latestTokenRevocation(ctx: ScopedContext): Promise<TokenRevocationView | null> {
  const rows = await ctx.db
    .select({ name: apiTokens.name, revokedAt: apiTokens.revokedAt, reason: apiTokens.revokedReason })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, ctx.scope.userId),
        inArray(apiTokens.revokedReason, ["password_reset", "password_change"]),
        gt(apiTokens.revokedAt, sql`now() - make_interval(days => ${REVOCATION_NOTICE_DAYS})`),
      ),
    )
    .orderBy(desc(apiTokens.revokedAt), asc(apiTokens.name));
  const latest = rows[0];
  if (!latest?.revokedAt) return null;
  // One revocation is one statement: its tokens share the transaction's timestamp.
  const same = rows.filter((r) => r.revokedAt?.getTime() === latest.revokedAt!.getTime());
  return {
    reason: latest.reason as TokenRevocationView["reason"],
    revokedAt: latest.revokedAt.toISOString(),
    names: same.map((r) => r.name),
  };
}

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  organizationId: string;
  organizationName: string;
  departmentId: string | null;
  userExists: boolean;
}

/** An open invitation by its secret link token (the token is the authorisation). */
export async function findOpenInvitation({ db }: PublicContext, token: string): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      departmentId: invitations.departmentId,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email)).limit(1);
  return { ...row, userExists: Boolean(user) };
}

export interface OrganizationListInput {
  q?: string;
  kind?: string;
  cursor?: string;
  limit: number;
}

/**
 * The platform's organisation register (platform admins only), by name, kind
 * or 法人番号 / 団体コード, in name order with a keyset cursor.
 */
export async function listOrganizations(
  ctx: ScopedContext,
  input: OrganizationListInput,
): Promise<{ items: OrganizationView[]; total: number; nextCursor: string | null }> {
  if (!canManageOrganizations(ctx.scope)) throw forbidden();
  const filters = [];
  const q = input.q?.normalize("NFKC").trim();
  if (q) {
    const pattern = containsPattern(q);
    filters.push(
      /^\d{6,13}$/.test(q)
        ? or(eq(organizations.corporateNumber, q), eq(organizations.localGovCode, q))!
        : or(ilike(organizations.name, pattern), ilike(organizations.nameKana, pattern))!,
    );
  }
  if (input.kind) filters.push(eq(organizations.kind, input.kind as never));
  const where = filters.length ? and(...filters) : undefined;
  const after = decodeCursor(input.cursor);
  const pageWhere = after
    ? and(where, or(gt(organizations.name, after.key), and(eq(organizations.name, after.key), gt(organizations.id, after.id))))
    : where;
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select(orgColumns)
      .from(organizations)
      .where(pageWhere)
      .orderBy(asc(organizations.name), asc(organizations.id))
      .limit(input.limit + 1),
    ctx.db.select({ n: count() }).from(organizations).where(where),
  ]);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    total: counted?.n ?? 0,
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.name, last.id) : null,
  };
}

/** One registered organisation, for the platform admin to correct. */
export async function getOrganizationForAdmin(ctx: ScopedContext, id: string): Promise<OrganizationView> {
  if (!canManageOrganizations(ctx.scope)) throw forbidden();
  if (!isUuid(id)) throw notFound();
  const [row] = await ctx.db.select(orgColumns).from(organizations).where(eq(organizations.id, id));
  if (!row) throw notFound();
  return row;
}

/** Organisations by 法人番号 or 団体コード (for forms where people type codes they know). */
export async function organizationsByCodes({ db }: ScopedContext, codes: string[]): Promise<{ code: string; id: string; name: string }[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      corporateNumber: organizations.corporateNumber,
      localGovCode: organizations.localGovCode,
    })
    .from(organizations)
    .where(
      or(
        inArray(
          organizations.corporateNumber,
          unique.filter((c) => c.length === 13),
        ),
        inArray(
          organizations.localGovCode,
          unique.filter((c) => c.length === 6),
        ),
      ),
    );
  return rows.map((r) => ({ code: (r.corporateNumber ?? r.localGovCode)!, id: r.id, name: r.name }));
}

/**
 * The platform admin's home: how many organisations of each kind and people
 * the platform holds, and the ten newest sign-ups with their organisations.
 */
export async function platformAtHome(ctx: ScopedContext): Promise<PlatformAtHome> {
  if (!canManageOrganizations(ctx.scope)) throw forbidden();
  const member = alias(memberships, "signup_membership");
  const memberOrg = alias(organizations, "signup_organization");
  const [kinds, [people], recent] = await Promise.all([
    ctx.db.select({ kind: organizations.kind, n: count() }).from(organizations).groupBy(organizations.kind),
    ctx.db.select({ n: count() }).from(users),
    ctx.db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        createdAt: users.createdAt,
        organizationNames: sql<string[]>`array${subqueries
          .select({ name: memberOrg.name })
          .from(member)
          .innerJoin(memberOrg, eq(memberOrg.id, member.organizationId))
          .where(eq(member.userId, users.id))
          .orderBy(asc(member.createdAt))}`,
      })
      .from(users)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(10),
  ]);
  return {
    organizationsByKind: Object.fromEntries(kinds.map((k) => [k.kind, k.n])),
    people: people?.n ?? 0,
    recentSignUps: recent.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}
