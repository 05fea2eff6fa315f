import { decodeCursor, encodeCursor, isIsoInstant } from "~/lib/cursor";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { visibleProposalRecords } from "~/features/proposals/data.server";
import { canReadAudit, isProposalTarget, mayReadChanges, proposalTargetTypes, readsEveryOrganizationsLog } from "./policy";
import { auditLog } from "./tables";
import type { AuditEntry, AuditListInput } from "./schema";

/**
 * The audit log of the caller's organisation, newest first, keyset-paginated.
 * Platform admins see the whole platform's entries. An entry about something
 * the caller may not see keeps who/what/when but not its before/after.
 */
export async function listAuditEntries(
  ctx: ScopedContext,
  input: AuditListInput,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  if (!canReadAudit(ctx.scope)) throw forbidden();
  const filters: SQL[] = [];
  if (!readsEveryOrganizationsLog(ctx.scope)) filters.push(eq(auditLog.organizationId, ctx.scope.organizationId));
  if (input.action) filters.push(eq(auditLog.action, input.action));
  const cursor = decodeCursor(input.cursor, isIsoInstant);
  if (cursor) {
    const at = new Date(cursor.key);
    filters.push(or(lt(auditLog.occurredAt, at), and(eq(auditLog.occurredAt, at), lt(auditLog.id, cursor.id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const visible = await visibleRecordsOf(ctx, page);
  return {
    items: page.map((r) => {
      const redacted = !mayReadChanges(ctx.scope, r, visible);
      return {
        ...r,
        occurredAt: r.occurredAt.toISOString(),
        before: redacted ? null : r.before,
        after: redacted ? null : r.after,
        redacted,
      };
    }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.occurredAt.toISOString(), last.id) : null,
  };
}

/** The confidential records named by these entries that the caller may see (one query per kind). */
async function visibleRecordsOf(ctx: ScopedContext, entries: { targetType: string; targetId: string | null }[]): Promise<Set<string>> {
  const ids = { proposals: [] as string[], messages: [] as string[] };
  for (const e of entries) if (e.targetId && isProposalTarget(e.targetType)) ids[proposalTargetTypes[e.targetType]].push(e.targetId);
  return visibleProposalRecords(ctx, ids);
}
