import { decodeCursor, encodeCursor, isIsoInstant } from "~/lib/cursor";
import { and, desc, eq, getTableColumns, gte, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { visibleProposalRecords } from "~/features/proposals/data.server";
import { proposalTitleOf } from "~/features/proposals/data.internal.server";
import { agreementTitleOf } from "~/features/agreements/data.internal.server";
import { themeTitleOf } from "~/features/themes/data.internal.server";
import { kpiNameOf, projectTitleOf } from "~/features/results/data.internal.server";
import { meetingTitleOf } from "~/features/meetings/data.internal.server";
import { organizationNameOf, userNameOf } from "~/features/identity/data.internal.server";
import { canReadAudit, isProposalTarget, mayReadChanges, proposalTargetTypes, readsEveryOrganizationsLog } from "./policy";
import { auditLog } from "./tables";
import { AUDIT_EXPORT_LIMIT, type AuditEntry, type AuditFilter, type AuditListInput } from "./schema";

/** Target types whose name the log shows, and where the owning feature keeps it. */
const targetNames: Record<string, (id: SQLWrapper) => SQL<string | null>> = {
  proposal: proposalTitleOf,
  agreement: agreementTitleOf,
  theme: themeTitleOf,
  meeting: meetingTitleOf,
  project: projectTitleOf,
  kpi: kpiNameOf,
  organization: organizationNameOf,
  user: userNameOf,
};
const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
// target_id is text (some targets are not rows): cast only what looks like a UUID, in the branch of its type.
const targetNameColumn = sql<string | null>`case ${sql.join(
  Object.entries(targetNames).map(
    ([type, nameOf]) =>
      sql`when ${auditLog.targetType} = ${type} and ${auditLog.targetId} ~ ${UUID} then ${nameOf(sql`${auditLog.targetId}::uuid`)}`,
  ),
  sql` `,
)} end`;

/** Entries newest first, with their targets' names: one page of the list, or an export. */
function newestEntries(ctx: ScopedContext, conditions: SQL[], limit: number) {
  return ctx.db
    .select({ ...getTableColumns(auditLog), targetName: targetNameColumn })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit);
}

/** The start of a Tokyo calendar day as an instant. */
const tokyoMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The caller's part of the log (its organisation's; the platform's for its admins), narrowed as asked. */
function auditConditions(ctx: ScopedContext, filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (!readsEveryOrganizationsLog(ctx.scope)) conditions.push(eq(auditLog.organizationId, ctx.scope.organizationId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) conditions.push(eq(auditLog.actorUserId, filter.actor));
  if (filter.from) conditions.push(gte(auditLog.occurredAt, tokyoMidnight(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.occurredAt, new Date(tokyoMidnight(filter.to).getTime() + DAY_MS)));
  return conditions;
}

/** Rows as entries: an entry about something the caller may not see keeps who/what/when but not its name or before/after. */
async function toEntries(
  ctx: ScopedContext,
  rows: (typeof auditLog.$inferSelect & { targetName: string | null })[],
): Promise<AuditEntry[]> {
  const visible = await visibleRecordsOf(ctx, rows);
  return rows.map((r) => {
    const redacted = !mayReadChanges(ctx.scope, r, visible);
    return {
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      targetName: redacted ? null : r.targetName,
      before: redacted ? null : r.before,
      after: redacted ? null : r.after,
      redacted,
    };
  });
}

/**
 * The audit log of the caller's organisation, newest first, keyset-paginated.
 * Platform admins see the whole platform's entries.
 */
export async function listAuditEntries(
  ctx: ScopedContext,
  input: AuditListInput,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  if (!canReadAudit(ctx.scope)) throw forbidden();
  const conditions = auditConditions(ctx, input);
  const cursor = decodeCursor(input.cursor, isIsoInstant);
  if (cursor) {
    const at = new Date(cursor.key);
    conditions.push(or(lt(auditLog.occurredAt, at), and(eq(auditLog.occurredAt, at), lt(auditLog.id, cursor.id)))!);
  }
  const rows = await newestEntries(ctx, conditions, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await toEntries(ctx, page),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.occurredAt.toISOString(), last.id) : null,
  };
}

/** Every entry the filter selects, newest first, up to AUDIT_EXPORT_LIMIT (the CSV export). */
export async function auditEntriesForExport(ctx: ScopedContext, filter: AuditFilter): Promise<AuditEntry[]> {
  if (!canReadAudit(ctx.scope)) throw forbidden();
  return toEntries(ctx, await newestEntries(ctx, auditConditions(ctx, filter), AUDIT_EXPORT_LIMIT));
}

/** The confidential records named by these entries that the caller may see (one query per kind). */
async function visibleRecordsOf(ctx: ScopedContext, entries: { targetType: string; targetId: string | null }[]): Promise<Set<string>> {
  const ids = { proposals: [] as string[], messages: [] as string[] };
  for (const e of entries) if (e.targetId && isProposalTarget(e.targetType)) ids[proposalTargetTypes[e.targetType]].push(e.targetId);
  return visibleProposalRecords(ctx, ids);
}
