// Identity reads for other features' code and the gate: recipients of
// notifications, names and ids of organisations, a person's memberships. They
// take a raw Db or the caller's transaction and no scope, so routes may not
// import this file (eslint.config.js).
import { and, asc, eq, exists, inArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lookup, subqueries } from "~/lib/db/lookup";
import type { Db, Queryable } from "~/lib/db/client.server";
import { oneAtATime } from "~/lib/db/one-at-a-time";
import { deskRoles, partnerRoles } from "~/lib/tenancy";
import type { Recipient } from "~/features/notifications/notify.internal.server";
import { memberships, organizations, users } from "./tables";
import type { MembershipView } from "./schema";

const departments = alias(organizations, "departments");

/** A person's memberships with their organisations and departments, oldest first (the gate; features that follow a person across organisations). */
export async function loadMemberships(db: Db, userId: string): Promise<MembershipView[]> {
  return db
    .select({
      membershipId: memberships.id,
      organizationId: organizations.id,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
      role: memberships.role,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
      localGovCode: organizations.localGovCode,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

/** Notification recipients by user id (for other features' commands). */
export async function findRecipients(db: Queryable, userIds: string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, locale: users.locale, emailNotifications: users.emailNotifications })
    .from(users)
    .where(inArray(users.id, userIds));
}

/** Everyone who acts for an organisation's desk (desk admins and staff). */
export async function findDeskRecipients(db: Queryable, organizationId: string): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email, locale: users.locale, emailNotifications: users.emailNotifications })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, [...deskRoles])));
}

const named = alias(organizations, "named_organization");

/**
 * An organisation's name as a column of another feature's query, so a list
 * reads its rows and their names in one statement rather than two (issue 19).
 */
export function organizationNameOf(id: SQLWrapper): SQL<string | null> {
  return lookup(named, named.name, named.id, id);
}

const namedUser = alias(users, "named_user");

/** A person's name as a column of another feature's query (decision 0029). */
export function userNameOf(id: SQLWrapper): SQL<string | null> {
  return lookup(namedUser, namedUser.name, namedUser.id, id);
}

/** The department if it belongs to the given municipality (for assigning owners). */
export async function departmentOf(db: Db, municipalityId: string, departmentId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, departmentId), eq(organizations.parentId, municipalityId), eq(organizations.kind, "department")))
    .limit(1);
  return row ?? null;
}

/** The municipality (or prefecture) organisation registered for a 団体コード. */
const onPlatform = alias(organizations, "on_platform_body");

/** Whether the municipality or prefecture of a 団体コード is on the platform (receives proposals), as a column of another feature's query. */
export function publicBodyOnPlatformOf(code: SQLWrapper): SQL<boolean> {
  return sql<boolean>`${exists(
    subqueries
      .select({ one: sql`1` })
      .from(onPlatform)
      .where(and(eq(onPlatform.localGovCode, code), inArray(onPlatform.kind, ["municipality", "prefecture"]))),
  )}`;
}

export async function publicBodyByCode(db: Db, code: string): Promise<{ id: string; name: string; localGovCode: string } | null> {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, localGovCode: organizations.localGovCode })
    .from(organizations)
    .where(and(eq(organizations.localGovCode, code), inArray(organizations.kind, ["municipality", "prefecture"])))
    .limit(1);
  return row ? { ...row, localGovCode: row.localGovCode! } : null;
}

/** Members of given departments of a municipality (department staff), for notifications. */
export async function findDepartmentRecipients(db: Queryable, municipalityId: string, departmentIds: string[]): Promise<Recipient[]> {
  if (departmentIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, locale: users.locale, emailNotifications: users.emailNotifications })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, municipalityId),
        eq(memberships.role, "department_staff"),
        inArray(memberships.departmentId, departmentIds),
      ),
    );
}

/** Members of a partner organisation (member and coordinator roles), for notifications. */
export async function findMemberRecipients(db: Queryable, organizationId: string): Promise<Recipient[]> {
  return db
    .select({ id: users.id, email: users.email, locale: users.locale, emailNotifications: users.emailNotifications })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, [...partnerRoles])));
}

/**
 * Everyone who acts for an agreement or its meetings: the municipality's desk
 * and the members of every partner, less the one who caused the notice.
 */
export async function findPartyRecipients(
  db: Queryable,
  municipalityId: string,
  partyOrgIds: string[],
  exceptUserId?: string,
): Promise<Recipient[]> {
  const partners = partyOrgIds.filter((p) => p !== municipalityId);
  const lists = await oneAtATime([() => findDeskRecipients(db, municipalityId), ...partners.map((p) => () => findMemberRecipients(db, p))]);
  return lists.flat().filter((r) => r.id !== exceptUserId);
}

export interface PartnerCandidate {
  id: string;
  name: string;
  kind: string;
  corporateNumber: string | null;
  localGovCode: string | null;
}

/** What features read of an organisation they relate to: who it is and its two public codes. */
const partnerColumns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  corporateNumber: organizations.corporateNumber,
  localGovCode: organizations.localGovCode,
};

/** Id, name and kind of organisations (for features that relate several bodies). */
export async function organizationsByIds(db: Db, ids: string[]): Promise<PartnerCandidate[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.select(partnerColumns).from(organizations).where(inArray(organizations.id, unique));
}

/**
 * Organisations that may be a party to an agreement (not departments), found
 * by 法人番号, by 団体コード or by exact name (for registers imported from files).
 */
export async function partnerCandidates(
  db: Queryable,
  keys: { corporateNumbers: string[]; localGovCodes: string[]; names: string[] },
): Promise<PartnerCandidate[]> {
  const conditions = [
    keys.corporateNumbers.length ? inArray(organizations.corporateNumber, [...new Set(keys.corporateNumbers)]) : undefined,
    keys.localGovCodes.length
      ? and(
          inArray(organizations.localGovCode, [...new Set(keys.localGovCodes)]),
          inArray(organizations.kind, ["municipality", "prefecture"]),
        )
      : undefined,
    keys.names.length ? inArray(organizations.name, [...new Set(keys.names)]) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  return db
    .select(partnerColumns)
    .from(organizations)
    .where(and(or(...conditions), sql`${organizations.kind} <> 'department'`));
}

/** Legal-form words that say nothing about which body it is (株式会社北陸テスト ≈ 北陸テスト（株）). */
const LEGAL_FORMS =
  "株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|特定非営利活動法人|国立大学法人|公立大学法人|学校法人|社会福祉法人|医療法人|[(（]株[)）]|[(（]有[)）]|㈱|㈲|\\s";

/**
 * For names about to be registered as new organisations: the existing one
 * whose name, legal forms aside, is most alike (trigram similarity ≥ 0.5), so
 * that a desk sees "北陸テスト（株）" is probably the "株式会社北陸テスト" already on Renkei.
 */
export async function similarlyNamedOrganizations(db: Queryable, names: string[]): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(names)].slice(0, 500);
  if (unique.length === 0) return new Map();
  const core = (name: string) => name.normalize("NFKC").replace(new RegExp(LEGAL_FORMS, "g"), "");
  const list = (values: string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  // word_similarity (<%) finds candidates through the trigram index; the core names decide.
  const rows = await db.execute<{ wanted: string; id: string; name: string }>(sql`
    select n.wanted, o.id, o.name
      from unnest(array[${list(unique)}]::text[], array[${list(unique.map(core))}]::text[]) as n(wanted, core)
      cross join lateral (
        select id, name, similarity(regexp_replace(name, ${LEGAL_FORMS}, '', 'g'), n.core) as score
          from ${organizations}
         where kind <> 'department' and n.core <% name
         order by score desc, id limit 1
      ) o
     where length(n.core) > 0 and o.score >= 0.5`);
  return new Map(rows.rows.map((r) => [r.wanted, { id: r.id, name: r.name }]));
}

/** A municipality's departments by name (to choose a lead department from). */
export async function departmentsOf(db: Db, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.parentId, municipalityId), eq(organizations.kind, "department")))
    .orderBy(asc(organizations.name));
}
