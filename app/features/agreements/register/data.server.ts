// The register's reads: the list (the caller's, and the public register), an
// agreement's detail (its steps, timeline, document versions, contacts) and
// the partners the desk is likely to pick.
import { decodeCursor, encodeCursor, isIsoInstant } from "~/lib/cursor";
import { containsPattern } from "~/lib/db/like";
import {
  type AnyColumn,
  and,
  asc,
  between,
  desc,
  eq,
  exists,
  gte,
  inArray,
  lte,
  ne,
  notExists,
  notInArray,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { healthBelowOf } from "~/features/results/data.internal.server";
import { subqueries } from "~/lib/db/lookup";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Db } from "~/lib/db/client.server";
import { notFound } from "~/lib/errors";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { PublicContext, ScopedContext, TenantScope } from "~/lib/tenancy";
import { localGovernmentFullNameOf } from "~/features/directory/data.internal.server";
import { organizationNameOf, organizationsByIds } from "~/features/identity/data.internal.server";
import { proposerIdsOf } from "~/features/proposals/data.internal.server";
import { carriedByDepartmentOf, getApprovalChain, loadAgreement, visibleAgreement } from "../data.internal.server";
import {
  agreementContacts,
  agreementDocumentVersions,
  agreementEvents,
  agreementHandovers,
  agreementItems,
  agreementParties,
  agreements,
  approvalSteps,
} from "../tables";
import {
  approvalsComplete,
  availableAgreementTransitions,
  canAmendAgreement,
  canEditAgreement,
  canEditAgreementTemplate,
  canRecordApprovalStep,
  canSeeApprovalStep,
  contactablePartyIds,
  isOwningDesk,
  isPubliclyListed,
  agreementsAtHomeScope,
} from "../policy";
import { ATTENTION_DAYS, inForceStatuses, type AgreementAttention } from "../constants";
import type { AgreementDetail, AgreementListInput, AgreementsAtHome, AgreementSummary, PublicAgreement } from "../schema";
import { tokyoIsoDate } from "~/lib/wareki";
import { addDays } from "./term";
import type { AgreementDocumentVersionView } from "../documents/document";

type AgreementRow = typeof agreements.$inferSelect;

const party = alias(agreementParties, "summary_party");
const item = alias(agreementItems, "summary_item");
const contact = alias(agreementContacts, "summary_contact");

// A party without an active deputy (副担当): the register flags the row, the homes count them.
const missingSecondary = exists(
  subqueries
    .select({ one: sql`1` })
    .from(party)
    .where(
      and(
        eq(party.agreementId, agreements.id),
        notExists(
          subqueries
            .select({ one: sql`1` })
            .from(contact)
            .where(
              and(
                eq(contact.agreementId, agreements.id),
                eq(contact.organizationId, party.organizationId),
                eq(contact.rank, "secondary"),
                eq(contact.active, true),
              ),
            ),
        ),
      ),
    ),
);

/**
 * What a summary (and the register's cursor) reads of an agreement, with the
 * names, fields and missing deputies its row shows: one statement for a page
 * of the register, where five lookups (parties, items, contacts, names,
 * places) each cost a round trip (issue 19). PostgreSQL works the subqueries
 * out for the rows the page returns only, after the sort and the limit.
 * The partners are the parties other than the viewer's organisation (for the
 * public, other than the municipality): a company sees the city and its
 * fellow partners, not itself.
 */
const summaryColumnsFor = (viewerOrgId: string | null) => ({
  id: agreements.id,
  municipalityId: agreements.municipalityId,
  localGovCode: agreements.localGovCode,
  title: agreements.title,
  method: agreements.method,
  status: agreements.status,
  startsOn: agreements.startsOn,
  endsOn: agreements.endsOn,
  signedOn: agreements.signedOn,
  updatedAt: agreements.updatedAt,
  municipalityName: localGovernmentFullNameOf(agreements.localGovCode),
  partnerNames: sql<string[]>`array${subqueries
    .select({ name: sql`coalesce(${organizationNameOf(party.organizationId)}, '')` })
    .from(party)
    .where(and(eq(party.agreementId, agreements.id), ne(party.organizationId, viewerOrgId ?? agreements.municipalityId)))
    .orderBy(asc(party.position))}`,
  // Each field once, in the order the items first name it.
  fields: sql<string[]>`array${subqueries
    .select({ field: item.field })
    .from(item)
    .where(eq(item.agreementId, agreements.id))
    .groupBy(item.field)
    .orderBy(sql`min(${item.position})`)}`,
  missingSecondary: sql<boolean>`${missingSecondary}`,
});
type SummaryRow = SelectResultFields<ReturnType<typeof summaryColumnsFor>>;

function toSummary(r: SummaryRow): AgreementSummary {
  return {
    id: r.id,
    missingSecondary: r.missingSecondary,
    title: r.title,
    method: r.method,
    status: r.status,
    municipalityName: r.municipalityName ?? r.localGovCode,
    localGovCode: r.localGovCode,
    partnerNames: r.partnerNames,
    fields: r.fields,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    signedOn: r.signedOn,
  };
}

/**
 * The register: every agreement the caller's organisation is a party to, most
 * recently changed first, filterable by status, method, field and keywords.
 */
export async function listAgreements(
  ctx: ScopedContext,
  input: AgreementListInput,
): Promise<{ items: AgreementSummary[]; total: number; nextCursor: string | null }> {
  // Read from the party's side: agreement_parties_register holds the caller's agreements newest first, so a page
  // reads a page of rows instead of sorting every agreement of the desk (issue 19).
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(agreements.status, input.status));
  if (input.method) filters.push(eq(agreements.method, input.method));
  if (input.field)
    filters.push(
      sql`exists (select 1 from ${agreementItems} where ${agreementItems.agreementId} = ${agreements.id} and ${agreementItems.field} = ${input.field})`,
    );
  if (input.q) filters.push(sql`${agreements.searchText} like ${containsPattern(normalizeForSearch(input.q))}`);
  if (input.attention) filters.push(attentionFilter(input.attention, tokyoIsoDate()));
  if (input.health !== undefined) filters.push(healthBelowOf(agreements.id, input.health));
  const mine = eq(agreementParties.organizationId, ctx.scope.organizationId);
  const cursor = decodeCursor(input.cursor, isIsoInstant);
  // A row comparison the index can seek to (an OR of the two keys could not).
  const after = cursor
    ? sql`(${agreementParties.agreementUpdatedAt}, ${agreementParties.agreementId}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`
    : undefined;
  const counted = ctx.db.select({ n: sql<number>`count(*)::int` }).from(agreementParties);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(summaryColumnsFor(ctx.scope.organizationId))
      .from(agreementParties)
      .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
      .where(and(mine, after, ...filters))
      .orderBy(desc(agreementParties.agreementUpdatedAt), desc(agreementParties.agreementId))
      .limit(input.limit + 1),
    // Without filters the count is an index-only scan of the party's rows.
    filters.length === 0
      ? counted.where(mine)
      : counted.innerJoin(agreements, eq(agreements.id, agreementParties.agreementId)).where(and(mine, ...filters)),
  ]);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(toSummary),
    total: total?.n ?? 0,
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.updatedAt.toISOString(), last.id) : null,
  };
}

const inForce = inArray(agreements.status, [...inForceStatuses]);

/** The register's attention filters, the same the homes count (constants.ts: agreementAttentions). */
function attentionFilter(kind: AgreementAttention, today: string): SQL {
  if (kind === "missingSecondary") return and(inForce, missingSecondary)!;
  const horizon = addDays(today, ATTENTION_DAYS);
  return and(
    inForce,
    or(
      eq(agreements.status, "renewal_review"),
      between(agreements.endsOn, today, horizon),
      // The deadline to object is near or has passed, and the term still runs.
      and(eq(agreements.renewalRule, "automatic"), lte(agreements.objectionDeadline, horizon), gte(agreements.endsOn, today)),
    ),
  )!;
}

const HOME_ROWS = 5;

/**
 * What the caller's home shows of agreements: counts per status and of those
 * missing a deputy, the ones ending or reaching an objection deadline (soonest
 * first), those in force and, for department staff, their department's items.
 * Department staff see the agreements in which their department carries an item.
 */
export async function agreementsAtHome(ctx: ScopedContext, today: string): Promise<AgreementsAtHome> {
  const viewer = ctx.scope.organizationId;
  const department = agreementsAtHomeScope(ctx.scope) === "department" ? ctx.scope.departmentId : null;
  const mine = and(eq(agreementParties.organizationId, viewer), department ? carriedByDepartmentOf(agreements.id, department) : undefined);
  const ahead = (day: SQL | AnyColumn) => sql`case when ${day} >= ${today} then ${day} end`;
  const objection = sql`case when ${agreements.renewalRule} = 'automatic' then ${agreements.objectionDeadline} end`;
  const dueOn = sql<string | null>`least(${ahead(agreements.endsOn)}, ${ahead(objection)})`;
  const total = sql<number>`count(*) over ()`.mapWith(Number);
  const fromMine = <T extends Parameters<Db["select"]>[0]>(columns: T) =>
    ctx.db.select(columns).from(agreementParties).innerJoin(agreements, eq(agreements.id, agreementParties.agreementId));
  const [counts, attention, current, items] = await Promise.all([
    fromMine({
      status: agreements.status,
      n: sql<number>`count(*)`.mapWith(Number),
      missing: sql<number>`count(*) filter (where ${and(inForce, missingSecondary)})`.mapWith(Number),
    })
      .where(mine)
      .groupBy(agreements.status),
    fromMine({
      ...summaryColumnsFor(viewer),
      dueOn,
      endsAhead: sql<boolean>`${agreements.endsOn} is not distinct from ${dueOn}`,
      objectionPassed: sql<boolean>`coalesce(${objection} < ${today}, false)`,
      total,
    })
      .where(and(mine, attentionFilter("ending", today)))
      .orderBy(sql`${dueOn} asc nulls last`, asc(agreements.id))
      .limit(HOME_ROWS),
    fromMine({ ...summaryColumnsFor(viewer), total })
      .where(and(mine, inForce))
      .orderBy(desc(agreementParties.agreementUpdatedAt), desc(agreementParties.agreementId))
      .limit(HOME_ROWS),
    department
      ? ctx.db
          .select({
            id: agreementItems.id,
            title: agreementItems.title,
            field: agreementItems.field,
            agreementId: agreements.id,
            agreementTitle: agreements.title,
          })
          .from(agreementItems)
          .innerJoin(agreements, eq(agreements.id, agreementItems.agreementId))
          .where(
            and(
              eq(agreementItems.departmentId, department),
              eq(agreements.municipalityId, viewer),
              notInArray(agreements.status, ["ended", "terminated"]),
            ),
          )
          .orderBy(desc(agreements.updatedAt), asc(agreementItems.position))
          .limit(10)
      : Promise.resolve([]),
  ]);
  return {
    counts: Object.fromEntries(counts.map((r) => [r.status, r.n])),
    missingSecondaryTotal: counts.reduce((n, r) => n + r.missing, 0),
    attention: attention.map((r) => ({
      ...toSummary(r),
      dueOn: r.dueOn,
      due: r.dueOn ? (r.endsAhead ? "end" : "objection") : null,
      objectionPassed: r.objectionPassed,
    })),
    attentionTotal: attention[0]?.total ?? 0,
    inForce: current.map(toSummary),
    inForceTotal: current[0]?.total ?? 0,
    departmentItems: items,
  };
}

/** The caller's agreements in force per municipality, with the next end: a coordinator's overview. */
export async function agreementsInForceByMunicipality(
  ctx: ScopedContext,
): Promise<{ localGovCode: string; name: string; inForce: number; nextEnd: string | null }[]> {
  const rows = await ctx.db
    .select({
      localGovCode: agreements.localGovCode,
      name: localGovernmentFullNameOf(agreements.localGovCode),
      inForce: sql<number>`count(*)`.mapWith(Number),
      nextEnd: sql<string | null>`min(${agreements.endsOn})`,
    })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(and(eq(agreementParties.organizationId, ctx.scope.organizationId), inForce))
    .groupBy(agreements.localGovCode)
    .limit(200);
  return rows.map((r) => ({ ...r, name: r.name ?? r.localGovCode }));
}

/** Published agreements of a municipality (or all): the public register. */
export async function listPublicAgreements(
  { db }: PublicContext,
  filter: { localGovCode?: string; limit?: number } = {},
): Promise<AgreementSummary[]> {
  const rows = await db
    .select(summaryColumnsFor(null))
    .from(agreements)
    .where(
      and(
        eq(agreements.isPublic, true),
        inArray(agreements.status, ["signed", "active", "renewal_review", "renewed", "ended"]),
        filter.localGovCode ? eq(agreements.localGovCode, filter.localGovCode) : undefined,
      ),
    )
    .orderBy(desc(agreements.signedOn), desc(agreements.id))
    .limit(filter.limit ?? 100);
  return rows.map(toSummary);
}

export async function getAgreement(ctx: ScopedContext, id: string): Promise<AgreementDetail> {
  const { agreement: a } = await visibleAgreement(ctx.db, ctx.scope, id);
  return detailOf(ctx.db, a, ctx.scope);
}

/** The public view of a published agreement (public fields only). */
export async function getPublicAgreement({ db }: PublicContext, id: string): Promise<PublicAgreement> {
  const loaded = await loadAgreement(db, id);
  if (!loaded || !isPubliclyListed(loaded.agreement)) throw notFound();
  const d = await detailOf(db, loaded.agreement, null);
  return {
    id: d.id,
    title: d.title,
    method: d.method,
    status: d.status,
    municipalityName: d.municipalityName,
    localGovCode: d.localGovCode,
    partnerNames: d.partnerNames,
    fields: d.fields,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    signedOn: d.signedOn,
    purpose: d.purpose,
    publicSummary: d.publicSummary,
    items: d.items.map((i) => ({ title: i.title, field: i.field, horizon: i.horizon })),
  };
}

async function detailOf(db: Db, a: AgreementRow, scope: TenantScope | null): Promise<AgreementDetail> {
  const [[summaryRow], parties, items, steps, events, documentVersions, contacts, handovers] = await Promise.all([
    db
      .select(summaryColumnsFor(scope?.organizationId ?? null))
      .from(agreements)
      .where(eq(agreements.id, a.id)),
    db.select().from(agreementParties).where(eq(agreementParties.agreementId, a.id)).orderBy(asc(agreementParties.position)),
    db.select().from(agreementItems).where(eq(agreementItems.agreementId, a.id)).orderBy(asc(agreementItems.position)),
    db.select().from(approvalSteps).where(eq(approvalSteps.agreementId, a.id)).orderBy(asc(approvalSteps.position)),
    db.select().from(agreementEvents).where(eq(agreementEvents.agreementId, a.id)).orderBy(asc(agreementEvents.createdAt)),
    listDocumentVersions(db, a.id),
    db
      .select()
      .from(agreementContacts)
      .where(and(eq(agreementContacts.agreementId, a.id), eq(agreementContacts.active, true))),
    db.select().from(agreementHandovers).where(eq(agreementHandovers.agreementId, a.id)).orderBy(desc(agreementHandovers.createdAt)),
  ]);
  const orgs = await organizationsByIds(db, [
    ...parties.map((p) => p.organizationId),
    ...items.map((i) => i.departmentId).filter((d): d is string => Boolean(d)),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const transitions = availableAgreementTransitions(scope, a).filter((n) => n !== "sign" || approvalsComplete(steps));
  const optionalApprovalSteps = transitions.includes("submitForApproval")
    ? (await getApprovalChain(db, a.municipalityId)).steps.filter((s) => s.optional).map((s) => s.label)
    : [];
  return {
    ...toSummary(summaryRow!),
    municipalityId: a.municipalityId,
    proposalId: a.proposalId,
    purpose: a.purpose,
    roles: a.roles,
    consultationBody: a.consultationBody,
    costSharing: a.costSharing,
    confidentiality: a.confidentiality,
    renewalRule: a.renewalRule,
    renewalYears: a.renewalYears,
    objectionDeadline: a.objectionDeadline,
    ceremony: a.ceremony,
    pressRelease: a.pressRelease,
    publicSummary: a.publicSummary,
    isPublic: a.isPublic,
    evaluation: a.evaluation,
    endReason: a.endReason,
    parties: parties.map((p) => ({
      organizationId: p.organizationId,
      name: byId.get(p.organizationId)?.name ?? "",
      kind: byId.get(p.organizationId)?.kind ?? "",
      position: p.position,
    })),
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      field: i.field,
      priority: i.priority,
      horizon: i.horizon,
      departmentId: i.departmentId,
      departmentName: i.departmentId ? (byId.get(i.departmentId)?.name ?? null) : null,
      partnerOwner: i.partnerOwner,
    })),
    approvals: steps
      .filter((s) => canSeeApprovalStep(scope, a, s))
      .map((s) => ({
        id: s.id,
        side: s.side,
        partyName: byId.get(s.partyOrgId)?.name ?? "",
        label: s.label,
        status: s.status,
        approverName: s.approverName,
        decidedOn: s.decidedOn,
        comment: s.comment,
      })),
    approvalProgress: { steps: steps.length, approved: steps.filter((s) => s.status === "approved").length },
    timeline: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      // A return (差戻し) names the city's step and its approver: read by whoever reads the city's steps.
      note:
        e.fromStatus === "internal_approval" && e.toStatus === "draft" && !canSeeApprovalStep(scope, a, { partyOrgId: a.municipalityId })
          ? null
          : e.note,
      at: e.createdAt.toISOString(),
    })),
    updatedAt: a.updatedAt.toISOString(),
    contacts: contacts
      .map((c) => ({
        id: c.id,
        organizationId: c.organizationId,
        partyName: byId.get(c.organizationId)?.name ?? "",
        rank: c.rank,
        personName: c.personName,
        unit: c.unit,
        email: c.email,
        phone: c.phone,
      }))
      .sort(
        (x, y) =>
          parties.findIndex((p) => p.organizationId === x.organizationId) -
            parties.findIndex((p) => p.organizationId === y.organizationId) || x.rank.localeCompare(y.rank),
      ),
    handovers: handovers.map((h) => ({
      partyName: byId.get(h.organizationId)?.name ?? "",
      rank: h.rank,
      fromName: h.fromName,
      toName: h.toName,
      notes: h.notes,
      openItems: h.openItems,
      meetingOn: h.meetingOn,
      at: h.createdAt.toISOString(),
    })),
    missingSecondaryParties: parties
      .filter((p) => !contacts.some((c) => c.organizationId === p.organizationId && c.rank === "secondary"))
      .map((p) => byId.get(p.organizationId)?.name ?? ""),
    can: {
      edit: canEditAgreement(scope, a),
      transitions,
      recordApproval: steps.some((s) => s.status === "pending" && canRecordApprovalStep(scope, a, s)),
      contactsFor: contactablePartyIds(
        scope,
        a,
        parties.map((p) => p.organizationId),
      ),
      amend: canAmendAgreement(scope, a),
      editTemplate: scope !== null && isOwningDesk(scope, a) && canEditAgreementTemplate(scope),
      openProposal: Boolean(a.proposalId) && isOwningDesk(scope, a),
    },
    documentVersions,
    optionalApprovalSteps,
  };
}

/** Partners the desk is likely to pick: its proposers and existing agreement partners. */
export async function candidatePartners(ctx: ScopedContext): Promise<{ id: string; name: string; kind: string }[]> {
  const [proposers, parties] = await Promise.all([
    proposerIdsOf(ctx.db, ctx.scope.organizationId),
    ctx.db
      .selectDistinct({ id: agreementParties.organizationId })
      .from(agreementParties)
      .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
      .where(eq(agreements.municipalityId, ctx.scope.organizationId)),
  ]);
  const orgs = await organizationsByIds(
    ctx.db,
    [...proposers, ...parties.map((p) => p.id)].filter((id) => id !== ctx.scope.organizationId),
  );
  return orgs.filter((o) => o.kind !== "department").sort((a, b) => a.name.localeCompare(b.name, "ja"));
}

async function listDocumentVersions(db: Db, agreementId: string): Promise<AgreementDocumentVersionView[]> {
  const rows = await db
    .select({
      version: agreementDocumentVersions.version,
      reason: agreementDocumentVersions.reason,
      createdByName: agreementDocumentVersions.createdByName,
      createdAt: agreementDocumentVersions.createdAt,
    })
    .from(agreementDocumentVersions)
    .where(eq(agreementDocumentVersions.agreementId, agreementId))
    .orderBy(asc(agreementDocumentVersions.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
