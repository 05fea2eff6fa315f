import { decodeCursor, encodeCursor, isIsoInstant } from "~/lib/cursor";
import { containsPattern } from "~/lib/db/like";
import { and, asc, count, desc, eq, exists, getTableColumns, inArray, isNull, lt, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { alias } from "drizzle-orm/pg-core";
import { subqueries } from "~/lib/db/lookup";
import { notFound } from "~/lib/errors";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { PublicContext, ScopedContext, TenantScope } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { listAttachments, readAttachment } from "~/features/files/data.internal.server";
import { localGovernmentFullNameOf } from "~/features/directory/data.internal.server";
import { organizationNameOf } from "~/features/identity/data.internal.server";
import { themeTitleOf } from "~/features/themes/data.internal.server";
import type { Db } from "~/lib/db/client.server";
import { proposalActionItems, proposalEvents, proposalMessages, proposalShares, proposalViews, proposals } from "./tables";
import { getRoleMatrix, visibleProposal } from "./data.internal.server";
import {
  availableTransitions,
  canEditProposal,
  canPostMessage,
  canSeeAccessLog,
  canShare,
  isDeskOf,
  isProposer,
  matrixMethodOf,
  proposalAudience,
  stageOf,
  viewsAreLogged,
} from "./policy";
import { closedStatuses, waitingStatuses, type DeclineGround, type ProposalQueue } from "./constants";
import type {
  AccessLogEntry,
  ActionItemView,
  MessageView,
  ProposalDetail,
  ProposalListInput,
  ProposalsAtHome,
  ProposalSummary,
  PublishedProposal,
  RoleMatrix,
} from "./schema";

type ProposalRow = typeof proposals.$inferSelect;

/**
 * What a summary reads of a proposal, with the names of its proposer, place and
 * theme: a page of the list is one statement, not four (issue 19).
 */
const summaryColumns = {
  id: proposals.id,
  title: proposals.title,
  status: proposals.status,
  kind: proposals.kind,
  localGovCode: proposals.localGovCode,
  fields: proposals.fields,
  method: proposals.method,
  submittedAt: proposals.submittedAt,
  decidedAt: proposals.decidedAt,
  updatedAt: proposals.updatedAt,
  themeId: proposals.themeId,
  proposerName: organizationNameOf(proposals.proposerOrgId),
  municipalityName: localGovernmentFullNameOf(proposals.localGovCode),
  themeTitle: themeTitleOf(proposals.themeId),
};

function toSummary(r: SelectResultFields<typeof summaryColumns>): ProposalSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    kind: r.kind,
    proposerName: r.proposerName ?? "",
    municipalityName: r.municipalityName ?? r.localGovCode,
    localGovCode: r.localGovCode,
    fields: r.fields,
    method: r.method,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    themeId: r.themeId,
    themeTitle: r.themeId ? r.themeTitle : null,
  };
}

/**
 * Which proposals the caller's scope covers: a partner's own (drafts too),
 * the desk's whole municipality (submitted on), a department's shared ones.
 * Anyone else sees none.
 */
export function visibilityFilter(scope: TenantScope): SQL {
  const audience = proposalAudience(scope);
  if (audience === "proposer") return eq(proposals.proposerOrgId, scope.organizationId);
  if (audience === "desk") return and(eq(proposals.municipalityId, scope.organizationId), ne(proposals.status, "draft"))!;
  if (audience === "department" && scope.departmentId) {
    return and(
      eq(proposals.municipalityId, scope.organizationId),
      ne(proposals.status, "draft"),
      exists(
        // Correlated subquery: uses the (proposal_id, department_id) primary key.
        sql`(select 1 from ${proposalShares} where ${proposalShares.proposalId} = ${proposals.id} and ${proposalShares.departmentId} = ${scope.departmentId})`,
      ),
    )!;
  }
  return sql`false`;
}

/** When a proposal arrived; drafts have no submission time and count from their last edit. */
const arrivalKey = sql`coalesce(${proposals.submittedAt}, ${proposals.updatedAt})`;

/** The proposals of a queue: what awaits the desk's answer, or what is under way. */
function queueFilter(queue: ProposalQueue): SQL {
  return queue === "waiting" ? inArray(proposals.status, [...waitingStatuses]) : notInArray(proposals.status, ["draft", ...closedStatuses]);
}

/**
 * The inbox (desk), the shared list (department) or "my proposals" (partner):
 * most recently submitted first (drafts by last edit), filterable. The
 * waiting queue runs the other way, oldest first: the desk answers in the
 * order proposals arrived.
 */
export async function listProposals(
  ctx: ScopedContext,
  input: ProposalListInput,
): Promise<{ items: ProposalSummary[]; total: number; nextCursor: string | null }> {
  const filters: SQL[] = [visibilityFilter(ctx.scope)];
  if (input.status) filters.push(eq(proposals.status, input.status));
  if (input.queue) filters.push(queueFilter(input.queue));
  if (input.field) filters.push(sql`${proposals.fields} @> array[${input.field}]::text[]`);
  if (input.q) filters.push(sql`${proposals.searchText} like ${containsPattern(normalizeForSearch(input.q))}`);
  const where = and(...filters);
  const oldestFirst = input.queue === "waiting";
  // submitted_at keeps microseconds, a JS Date only milliseconds: the cursor
  // carries the key as the database has it, or rows sharing the boundary's
  // millisecond would be skipped.
  const sortKeyText = sql<string>`to_char(${arrivalKey} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  // The key is the time to the microsecond, as PostgreSQL wrote it.
  const cursor = decodeCursor(input.cursor, isIsoInstant);
  const beyond = oldestFirst ? sql`>` : sql`<`;
  const page = cursor
    ? and(
        where,
        or(
          sql`${arrivalKey} ${beyond} ${cursor.key}::timestamptz`,
          and(sql`${arrivalKey} = ${cursor.key}::timestamptz`, sql`${proposals.id} ${beyond} ${cursor.id}::uuid`),
        ),
      )
    : where;
  const order = oldestFirst ? asc : desc;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ ...summaryColumns, sortKeyText })
      .from(proposals)
      .where(page)
      .orderBy(order(arrivalKey), order(proposals.id))
      .limit(input.limit + 1),
    ctx.db.select({ n: count() }).from(proposals).where(where),
  ]);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(toSummary),
    total: total?.n ?? 0,
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.sortKeyText, last.id) : null,
  };
}

/** The role matrix of the caller's municipality. */
export async function readRoleMatrix(ctx: ScopedContext): Promise<RoleMatrix> {
  return getRoleMatrix(ctx.db, ctx.scope.organizationId);
}

/** Counts per status for the inbox header (same visibility as the list). */
export async function countProposalsByStatus(ctx: ScopedContext): Promise<Record<string, number>> {
  const rows = await ctx.db
    .select({ status: proposals.status, n: count() })
    .from(proposals)
    .where(visibilityFilter(ctx.scope))
    .groupBy(proposals.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const HOME_ROWS = 5;

/**
 * The newest message from the city's side that the proposer has not answered
 * yet (posted after the proposer's own last message): "what the city asked".
 */
const asked = alias(proposalMessages, "asked_message");
const own = alias(proposalMessages, "own_message");
const cityAsked = sql<{ body: string; at: string } | null>`${subqueries
  .select({ asked: sql`json_build_object('body', left(${asked.body}, 200), 'at', ${asked.createdAt})` })
  .from(asked)
  .where(
    and(
      eq(asked.proposalId, proposals.id),
      ne(asked.authorOrgId, proposals.proposerOrgId),
      sql`${asked.createdAt} > coalesce(${subqueries
        .select({ at: sql`max(${own.createdAt})` })
        .from(own)
        .where(and(eq(own.proposalId, proposals.id), eq(own.authorOrgId, proposals.proposerOrgId)))}, '-infinity')`,
    ),
  )
  .orderBy(desc(asked.createdAt))
  .limit(1)}`;

/**
 * What the caller's home shows of proposals, as the caller may see them: the
 * counts per status; what awaits the desk (oldest first) or, for a department,
 * what was shared with it and is under way; for a proposer its drafts and open
 * proposals with what the city asked; and the dialogue's overdue action items.
 */
export async function proposalsAtHome(ctx: ScopedContext, today: string): Promise<ProposalsAtHome> {
  const audience = proposalAudience(ctx.scope);
  const visible = visibilityFilter(ctx.scope);
  const open =
    audience === "desk"
      ? queueFilter("waiting")
      : audience === "department"
        ? queueFilter("open")
        : notInArray(proposals.status, [...closedStatuses]);
  const oldestFirst = audience !== "proposer";
  const overdue = and(visible, isNull(proposalActionItems.doneAt), lt(proposalActionItems.dueDate, today));
  const [counts, openRows, items] = await Promise.all([
    countProposalsByStatus(ctx),
    ctx.db
      .select({ ...summaryColumns, cityAsked, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(proposals)
      .where(and(visible, open))
      .orderBy(oldestFirst ? asc(arrivalKey) : desc(proposals.updatedAt), asc(proposals.id))
      .limit(HOME_ROWS),
    ctx.db
      .select({
        id: proposalActionItems.id,
        title: proposalActionItems.title,
        ownerName: proposalActionItems.ownerName,
        dueDate: proposalActionItems.dueDate,
        proposalId: proposals.id,
        proposalTitle: proposals.title,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(proposalActionItems)
      .innerJoin(proposals, eq(proposals.id, proposalActionItems.proposalId))
      .where(overdue)
      .orderBy(asc(proposalActionItems.dueDate), asc(proposalActionItems.id))
      .limit(HOME_ROWS),
  ]);
  return {
    counts,
    open: openRows.map((r) => ({
      ...toSummary(r),
      cityAsked: audience === "proposer" && r.cityAsked ? { body: r.cityAsked.body, at: new Date(r.cityAsked.at).toISOString() } : null,
    })),
    openTotal: openRows[0]?.total ?? 0,
    overdueItems: items.map(({ total: _total, ...item }) => item),
    overdueTotal: items[0]?.total ?? 0,
  };
}

/** The caller's open proposals (submitted, not ended) per municipality: a coordinator's overview. */
export async function openProposalsByMunicipality(ctx: ScopedContext): Promise<{ localGovCode: string; name: string; open: number }[]> {
  const rows = await ctx.db
    .select({
      localGovCode: proposals.localGovCode,
      name: localGovernmentFullNameOf(proposals.localGovCode),
      open: sql<number>`count(*)`.mapWith(Number),
    })
    .from(proposals)
    .where(and(visibilityFilter(ctx.scope), queueFilter("open")))
    .groupBy(proposals.localGovCode)
    .limit(200);
  return rows.map((r) => ({ localGovCode: r.localGovCode, name: r.name ?? r.localGovCode, open: r.open }));
}

/**
 * One proposal for the caller, with its timeline, shares and what the caller
 * may do. Opening it as city staff is written to the access log the proposer sees.
 */
export async function getProposal(ctx: ScopedContext, id: string, options: { recordView?: boolean } = {}): Promise<ProposalDetail> {
  const { proposal } = await visibleProposal(ctx.db, ctx.scope, id);
  return detailOf(ctx, proposal, options);
}

/**
 * The proposal's page: the proposal, its dialogue, action items and (for the
 * proposer and the desk) who opened it, checking once that the caller may
 * see it; each section read alone checks again (issue 19).
 */
export async function getProposalPage(ctx: ScopedContext, id: string) {
  const { proposal } = await visibleProposal(ctx.db, ctx.scope, id);
  const [detail, messages, actionItems, accessLog] = await Promise.all([
    detailOf(ctx, proposal),
    messagesOf(ctx.db, proposal.id),
    actionItemsOf(ctx.db, proposal.id),
    canSeeAccessLog(ctx.scope, proposal) ? accessLogOf(ctx.db, proposal.id) : Promise.resolve([]),
  ]);
  return { proposal: detail, messages, actionItems, accessLog };
}

/** Openings by one person closer together than this are one visit in the access log. */
const VISIT_MINUTES = 10;

/**
 * Logs that the caller opened the proposal, once per visit: reloading the
 * page or coming back to it within VISIT_MINUTES is the same visit. The
 * proposer reads "opened 3 times", not the count of page loads, and the log
 * grows with visits rather than with every request (issue 19).
 */
async function recordView(ctx: ScopedContext, proposalId: string) {
  const v = proposalViews;
  const { userId, organizationId, departmentId, role } = ctx.scope;
  await ctx.db.execute(sql`
    insert into ${v} (${sql.identifier(v.proposalId.name)}, ${sql.identifier(v.userId.name)}, ${sql.identifier(v.organizationId.name)},
      ${sql.identifier(v.departmentId.name)}, ${sql.identifier(v.role.name)})
    select ${proposalId}::uuid, ${userId}::uuid, ${organizationId}::uuid, ${departmentId}::uuid, ${role}
    where not exists (select 1 from ${v} where ${v.proposalId} = ${proposalId} and ${v.userId} = ${userId}
      and ${v.viewedAt} > now() - make_interval(mins => ${VISIT_MINUTES}))`);
}

async function detailOf(ctx: ScopedContext, p: ProposalRow, options: { recordView?: boolean } = {}): Promise<ProposalDetail> {
  const [[summary], files, events, shares, matrix] = await Promise.all([
    ctx.db.select(summaryColumns).from(proposals).where(eq(proposals.id, p.id)),
    listAttachments(ctx.db, "proposal", [p.id]),
    ctx.db
      .select({ ...getTableColumns(proposalEvents), actorUnit: organizationNameOf(proposalEvents.actorOrgId) })
      .from(proposalEvents)
      .where(eq(proposalEvents.proposalId, p.id))
      .orderBy(asc(proposalEvents.createdAt)),
    ctx.db
      .select({
        departmentId: proposalShares.departmentId,
        departmentName: organizationNameOf(proposalShares.departmentId),
        createdAt: proposalShares.createdAt,
      })
      .from(proposalShares)
      .where(eq(proposalShares.proposalId, p.id))
      .orderBy(asc(proposalShares.createdAt)),
    getRoleMatrix(ctx.db, p.municipalityId),
    // Only opening the proposal counts as a view, not the answer to an action.
    options.recordView !== false && viewsAreLogged(ctx.scope) ? recordView(ctx, p.id) : undefined,
  ]);
  const stage = stageOf(p.status);
  const levels = matrix[matrixMethodOf(p.method)][stage];
  return {
    ...toSummary(summary!),
    proposerOrgId: p.proposerOrgId,
    municipalityId: p.municipalityId,
    summary: p.summary,
    plan: p.plan,
    benefitCitizens: p.benefitCitizens,
    benefitPartner: p.benefitPartner,
    benefitMunicipality: p.benefitMunicipality,
    resources: p.resources,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    declineGrounds: p.declineGrounds as DeclineGround[],
    declineReason: p.declineReason,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    publishAgreedByDesk: p.publishAgreedByDesk,
    publishAgreedByProposer: p.publishAgreedByProposer,
    publicSummary: p.publicSummary,
    attachments: files.get(p.id) ?? [],
    shares: shares.map((s) => ({
      departmentId: s.departmentId,
      departmentName: s.departmentName ?? "",
      sharedAt: s.createdAt.toISOString(),
    })),
    timeline: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      actorUnit: e.actorOrgId ? e.actorUnit : null,
      note: e.note,
      grounds: e.grounds as DeclineGround[],
      at: e.createdAt.toISOString(),
    })),
    roles: { stage, desk: levels.desk, department: levels.department },
    can: {
      edit: canEditProposal(ctx.scope, p),
      transitions: availableTransitions(ctx.scope, p),
      share: canShare(ctx.scope, p),
      post: canPostMessage(p),
      seeAccessLog: canSeeAccessLog(ctx.scope, p),
      publication: (isProposer(ctx.scope, p) || isDeskOf(ctx.scope, p)) && !["draft", "declined", "withdrawn"].includes(p.status),
    },
  };
}

export async function listMessages(ctx: ScopedContext, proposalId: string): Promise<MessageView[]> {
  await visibleProposal(ctx.db, ctx.scope, proposalId);
  return messagesOf(ctx.db, proposalId);
}

async function messagesOf(db: Db, proposalId: string): Promise<MessageView[]> {
  const rows = await db
    .select()
    .from(proposalMessages)
    .where(eq(proposalMessages.proposalId, proposalId))
    .orderBy(asc(proposalMessages.createdAt));
  const files = await listAttachments(
    db,
    "proposal_message",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    body: r.body,
    meetingDate: r.meetingDate,
    attendees: r.attendees,
    authorName: r.authorName,
    authorUnit: r.authorUnit,
    createdAt: r.createdAt.toISOString(),
    attachments: (files.get(r.id) ?? []).map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
  }));
}

export async function listActionItems(ctx: ScopedContext, proposalId: string): Promise<ActionItemView[]> {
  await visibleProposal(ctx.db, ctx.scope, proposalId);
  return actionItemsOf(ctx.db, proposalId);
}

async function actionItemsOf(db: Db, proposalId: string): Promise<ActionItemView[]> {
  const rows = await db
    .select()
    .from(proposalActionItems)
    .where(eq(proposalActionItems.proposalId, proposalId))
    .orderBy(asc(sql`${proposalActionItems.doneAt} is not null`), asc(proposalActionItems.dueDate), asc(proposalActionItems.createdAt));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    ownerName: r.ownerName,
    dueDate: r.dueDate,
    doneAt: r.doneAt?.toISOString() ?? null,
  }));
}

/** Which units of the city opened the proposal, how often and when last (proposer and desk). */
export async function proposalAccessLog(ctx: ScopedContext, proposalId: string): Promise<AccessLogEntry[]> {
  const { proposal } = await visibleProposal(ctx.db, ctx.scope, proposalId);
  if (!canSeeAccessLog(ctx.scope, proposal)) throw notFound();
  return accessLogOf(ctx.db, proposalId);
}

async function accessLogOf(db: Db, proposalId: string): Promise<AccessLogEntry[]> {
  const rows = await db
    .select({
      organizationId: proposalViews.organizationId,
      departmentId: proposalViews.departmentId,
      role: proposalViews.role,
      organizationName: organizationNameOf(proposalViews.organizationId),
      departmentName: organizationNameOf(proposalViews.departmentId),
      views: count(),
      last: sql<Date>`max(${proposalViews.viewedAt})`,
    })
    .from(proposalViews)
    .where(eq(proposalViews.proposalId, proposalId))
    .groupBy(proposalViews.organizationId, proposalViews.departmentId, proposalViews.role)
    .orderBy(desc(sql`max(${proposalViews.viewedAt})`));
  return rows.map((r) => ({
    unit: [r.organizationName, r.departmentId ? r.departmentName : null].filter(Boolean).join(" "),
    role: r.role,
    views: r.views,
    lastViewedAt: new Date(r.last).toISOString(),
  }));
}

/** A file of the proposal or of one of its messages, under the proposal's visibility. */
export async function getProposalAttachment(ctx: ScopedContext, proposalId: string, attachmentId: string) {
  await visibleProposal(ctx.db, ctx.scope, proposalId);
  if (!isUuid(attachmentId)) throw notFound();
  const direct = await readAttachment(ctx.db, "proposal", proposalId, attachmentId);
  if (direct) return direct;
  const messageIds = await ctx.db
    .select({ id: proposalMessages.id })
    .from(proposalMessages)
    .where(eq(proposalMessages.proposalId, proposalId));
  for (const { id } of messageIds) {
    const file = await readAttachment(ctx.db, "proposal_message", id, attachmentId);
    if (file) return file;
  }
  throw notFound();
}

export type { PublishedProposal } from "./schema";

/**
 * Summaries both the desk and the proposer agreed to publish — the only part
 * of a proposal anyone else ever sees. Public, newest decision first.
 */
export async function listPublishedProposals(
  { db }: PublicContext,
  filter: { localGovCode?: string; limit?: number } = {},
): Promise<PublishedProposal[]> {
  const rows = await db
    .select({ ...summaryColumns, publicSummary: proposals.publicSummary })
    .from(proposals)
    .where(
      and(
        eq(proposals.publishAgreedByDesk, true),
        eq(proposals.publishAgreedByProposer, true),
        sql`${proposals.publicSummary} is not null`,
        filter.localGovCode ? eq(proposals.localGovCode, filter.localGovCode) : undefined,
      ),
    )
    .orderBy(desc(proposals.decidedAt), desc(proposals.id))
    .limit(filter.limit ?? 50);
  return rows.map((r) => {
    const s = toSummary(r);
    return {
      id: s.id,
      title: s.title,
      publicSummary: r.publicSummary!,
      proposerName: s.proposerName,
      municipalityName: s.municipalityName,
      localGovCode: s.localGovCode,
      fields: s.fields,
      status: s.status,
    };
  });
}

/** What an agreement carries over from a proposal the desk moved to "agreement to prepare". */
export async function proposalForAgreement(ctx: ScopedContext, id: string) {
  const { proposal: p, sharedDepartmentIds } = await visibleProposal(ctx.db, ctx.scope, id);
  if (!isDeskOf(ctx.scope, p)) throw notFound();
  return {
    sharedDepartmentIds,
    id: p.id,
    status: p.status,
    title: p.title,
    summary: p.summary,
    plan: p.plan,
    fields: p.fields,
    method: p.method,
    proposerOrgId: p.proposerOrgId,
    municipalityId: p.municipalityId,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
  };
}

/**
 * Of these proposals and dialogue messages, the ids the caller may see: the
 * same rule as every proposal read (visibilityFilter). For records kept
 * elsewhere that mention them, such as the audit log.
 */
export async function visibleProposalRecords(
  { db, scope }: ScopedContext,
  ids: { proposals: string[]; messages: string[] },
): Promise<Set<string>> {
  const proposalIds = [...new Set(ids.proposals.filter(isUuid))];
  const messageIds = [...new Set(ids.messages.filter(isUuid))];
  const [ownProposals, ofMessages] = await Promise.all([
    proposalIds.length === 0
      ? []
      : db
          .select({ id: proposals.id })
          .from(proposals)
          .where(and(inArray(proposals.id, proposalIds), visibilityFilter(scope))),
    messageIds.length === 0
      ? []
      : db
          .select({ id: proposalMessages.id })
          .from(proposalMessages)
          .innerJoin(proposals, eq(proposals.id, proposalMessages.proposalId))
          .where(and(inArray(proposalMessages.id, messageIds), visibilityFilter(scope))),
  ]);
  return new Set([...ownProposals, ...ofMessages].map((r) => r.id));
}
