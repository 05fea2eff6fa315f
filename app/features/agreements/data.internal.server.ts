// Agreement reads for this and other features' code: the raw row for
// authorisation, a municipality's approval chain and template, the document's
// current content (also inside a command's transaction), agreements by party.
// No scope, so routes may not import this file (eslint.config.js); routes read
// agreements through data.server.ts.
import { and, asc, count, eq, exists, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lookup, subqueries } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import { notFound } from "~/lib/errors";
import { translateLabel } from "~/lib/i18n";
import type { TenantScope } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { oneAtATime } from "~/lib/db/one-at-a-time";
import { organizationsByIds } from "~/features/identity/data.internal.server";
import {
  agreementContacts,
  agreementHandovers,
  agreementItems,
  agreementParties,
  agreements,
  agreementTemplates,
  approvalChains,
} from "./tables";
import { agreementsAtHomeScope, canSeeAgreement } from "./policy";
import { defaultApprovalChain, type ApprovalChainStep } from "./constants";
import type { AgreementTemplateView } from "./schema";
import { defaultAgreementTemplate, type AgreementDocumentData } from "./documents/document";

type AgreementRow = typeof agreements.$inferSelect;

/** The row and its parties, for authorisation; null when it does not exist. */
export async function loadAgreement(db: Db, id: string): Promise<{ agreement: AgreementRow; partyOrgIds: string[] } | null> {
  if (!isUuid(id)) return null;
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, id)).limit(1);
  if (!agreement) return null;
  const parties = await db
    .select({ id: agreementParties.organizationId })
    .from(agreementParties)
    .where(eq(agreementParties.agreementId, id));
  return { agreement, partyOrgIds: parties.map((p) => p.id) };
}

/** An agreement the caller is a party to, or 404. */
export async function visibleAgreement(db: Db, scope: TenantScope, id: string) {
  const loaded = await loadAgreement(db, id);
  if (!loaded || !canSeeAgreement(scope, loaded.agreement, loaded.partyOrgIds)) throw notFound();
  return loaded;
}

/** The municipality's approval chain in order (the default one until the desk sets its own). */
export async function getApprovalChain(db: Db, municipalityId: string): Promise<{ steps: ApprovalChainStep[]; isDefault: boolean }> {
  const rows = await db
    .select()
    .from(approvalChains)
    .where(eq(approvalChains.municipalityId, municipalityId))
    .orderBy(asc(approvalChains.position));
  return rows.length
    ? { steps: rows.map((r) => ({ label: r.label, optional: r.optional })), isDefault: false }
    : { steps: [...defaultApprovalChain], isDefault: true };
}

/** The municipality's wording of the agreement document, or the standard wording. */
export async function getAgreementTemplate(db: Db, municipalityId: string): Promise<AgreementTemplateView> {
  const [row] = await db.select().from(agreementTemplates).where(eq(agreementTemplates.municipalityId, municipalityId)).limit(1);
  if (!row) return { ...defaultAgreementTemplate, updatedAt: null };
  return {
    preamble: row.preamble,
    amendmentClause: row.amendmentClause,
    disputeClause: row.disputeClause,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What the document says if made now: the agreement's content, its parties in
 * order and the municipality's current template. Also read inside the
 * transactions that record a version.
 */
export async function currentDocumentData(db: Db, a: AgreementRow): Promise<AgreementDocumentData> {
  const [parties, items, template] = await oneAtATime([
    () => db.select().from(agreementParties).where(eq(agreementParties.agreementId, a.id)).orderBy(asc(agreementParties.position)),
    () => db.select().from(agreementItems).where(eq(agreementItems.agreementId, a.id)).orderBy(asc(agreementItems.position)),
    () => getAgreementTemplate(db, a.municipalityId),
  ]);
  const orgs = await organizationsByIds(db, [
    ...parties.map((p) => p.organizationId),
    ...items.map((i) => i.departmentId).filter((d): d is string => Boolean(d)),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return {
    format: 1,
    title: a.title,
    purpose: a.purpose,
    roles: a.roles,
    consultationBody: a.consultationBody,
    costSharing: a.costSharing,
    confidentiality: a.confidentiality,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    renewalRule: a.renewalRule,
    renewalYears: a.renewalYears,
    objectionDeadline: a.objectionDeadline,
    signedOn: a.signedOn,
    parties: parties.map((p) => ({
      name: byId.get(p.organizationId)?.name ?? "",
      kind: byId.get(p.organizationId)?.kind ?? "",
      signatoryTitle: p.signatoryTitle,
      signatoryName: p.signatoryName,
    })),
    items: items.map((i) => ({
      title: i.title,
      description: i.description,
      field: i.field,
      fieldLabel: translateLabel("ja", "field", i.field),
      departmentName: i.departmentId ? (byId.get(i.departmentId)?.name ?? null) : null,
      partnerOwner: i.partnerOwner,
    })),
    template: { preamble: template.preamble, amendmentClause: template.amendmentClause, disputeClause: template.disputeClause },
  };
}

/**
 * Ids and titles of the agreements any of these organisations is a party to
 * (for a person's calendar feed, which has no session to scope by).
 */
export async function agreementsOfOrganizations(db: Db, organizationIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectDistinct({ id: agreements.id, title: agreements.title })
    .from(agreements)
    .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
    .where(inArray(agreementParties.organizationId, unique))
    .limit(5000);
  return new Map(rows.map((r) => [r.id, r.title]));
}

const titled = alias(agreements, "titled_agreement");
const homeParty = alias(agreementParties, "home_party");
const homeItem = alias(agreementItems, "home_item");

/** An agreement's title as a column of another feature's query (decision 0029). */
export function agreementTitleOf(id: SQLWrapper): SQL<string | null> {
  return lookup(titled, titled.title, titled.id, id);
}

/** Whether the organisation is a party to the agreement `id`: a condition for another feature's statement. */
export function agreementPartyOf(id: SQLWrapper, organizationId: string): SQL {
  return exists(
    subqueries
      .select({ one: sql`1` })
      .from(homeParty)
      .where(and(eq(homeParty.agreementId, id), eq(homeParty.organizationId, organizationId))),
  );
}

/**
 * Whether the agreement `id` belongs on the caller's home: its organisation is
 * a party and, for department staff, their department carries one of its
 * items (policy: agreementsAtHomeScope). A condition for another feature's
 * statement (meetings and their action items).
 */
export function agreementAtHomeOf(id: SQLWrapper, scope: TenantScope): SQL {
  const party = agreementPartyOf(id, scope.organizationId);
  if (agreementsAtHomeScope(scope) !== "department" || !scope.departmentId) return party;
  return and(party, carriedByDepartmentOf(id, scope.departmentId))!;
}

/** Whether the department carries one of the agreement `id`'s items: a department's share of the agreements. */
export function carriedByDepartmentOf(id: SQLWrapper, departmentId: string): SQL {
  return exists(
    subqueries
      .select({ one: sql`1` })
      .from(homeItem)
      .where(and(eq(homeItem.agreementId, id), eq(homeItem.departmentId, departmentId))),
  );
}

/** An agreement's cooperation items in order, with the department carrying each (for projects under them). */
export async function agreementItemsOf(db: Db, agreementId: string) {
  return db
    .select({ id: agreementItems.id, title: agreementItems.title, field: agreementItems.field, departmentId: agreementItems.departmentId })
    .from(agreementItems)
    .where(eq(agreementItems.agreementId, agreementId))
    .orderBy(asc(agreementItems.position));
}

/** Statuses in which an agreement is in force: signed and not yet over (its health is scored). */
export const inForceStatuses = ["signed", "active", "renewal_review", "renewed"] as const;

/**
 * What the health score reads of the agreements in force (`ids`: only those
 * of them), one statement: dates, whether it was published, its items and
 * parties, parties without an active primary or secondary contact, and
 * contacts replaced without a handover.
 */
const forceItem = alias(agreementItems, "force_item");
const forceParty = alias(agreementParties, "force_party");
const forceContact = alias(agreementContacts, "force_contact");
const forceHandover = alias(agreementHandovers, "force_handover");

export async function agreementsInForce(db: Db, ids?: string[]) {
  const a = agreements;
  const counted = (query: SQL) => sql<number>`(${query})`.mapWith(Number);
  const hasContact = (rank: "primary" | "secondary") =>
    exists(
      subqueries
        .select({ one: sql`1` })
        .from(forceContact)
        .where(
          and(
            eq(forceContact.agreementId, forceParty.agreementId),
            eq(forceContact.organizationId, forceParty.organizationId),
            eq(forceContact.rank, rank),
            eq(forceContact.active, true),
          ),
        ),
    );
  const handedOver = exists(
    subqueries
      .select({ one: sql`1` })
      .from(forceHandover)
      .where(
        and(
          eq(forceHandover.agreementId, agreementContacts.agreementId),
          eq(forceHandover.organizationId, agreementContacts.organizationId),
          eq(forceHandover.rank, agreementContacts.rank),
          eq(forceHandover.fromName, agreementContacts.personName),
        ),
      ),
  );
  return db
    .select({
      id: a.id,
      municipalityId: a.municipalityId,
      status: a.status,
      signedOn: a.signedOn,
      endsOn: a.endsOn,
      objectionDeadline: a.objectionDeadline,
      published: sql<boolean>`(${a.isPublic} or ${a.pressRelease} <> '')`,
      items: counted(subqueries.select({ n: count() }).from(forceItem).where(eq(forceItem.agreementId, a.id)).getSQL()),
      parties: counted(subqueries.select({ n: count() }).from(forceParty).where(eq(forceParty.agreementId, a.id)).getSQL()),
      partiesMissingContact: counted(
        subqueries
          .select({ n: count() })
          .from(forceParty)
          .where(and(eq(forceParty.agreementId, a.id), sql`not (${hasContact("primary")} and ${hasContact("secondary")})`))
          .getSQL(),
      ),
      changesWithoutHandover: counted(
        subqueries
          .select({ n: count() })
          .from(agreementContacts)
          .where(and(eq(agreementContacts.agreementId, a.id), eq(agreementContacts.active, false), sql`not ${handedOver}`))
          .getSQL(),
      ),
    })
    .from(a)
    .where(and(inArray(a.status, [...inForceStatuses]), ids ? inArray(a.id, ids) : undefined));
}
