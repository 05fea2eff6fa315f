import { decodeCursor, encodeCursor, isIsoInstant } from "~/lib/cursor";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { canReadAudit } from "./policy";
import { auditLog } from "./tables";
import type { AuditEntry, AuditListInput } from "./schema";


/**
 * The audit log of the caller's organisation, newest first, keyset-paginated.
 * Platform admins see the whole platform's entries.
 */
export async function listAuditEntries(
  ctx: ScopedContext,
  input: AuditListInput,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  if (!canReadAudit(ctx.scope)) throw forbidden();
  const filters: SQL[] = [];
  if (ctx.scope.role !== "platform_admin") filters.push(eq(auditLog.organizationId, ctx.scope.organizationId));
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
  return {
    items: page.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.occurredAt.toISOString(), last.id) : null,
  };
}
