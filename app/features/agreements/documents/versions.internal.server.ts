// A version of the 協定書, recorded inside the command that submits, signs,
// renews or amends an agreement (it takes that command's transaction).
import { eq, sql } from "drizzle-orm";
import type { Tx } from "~/lib/db/client.server";
import type { ScopedContext } from "~/lib/tenancy";
import { agreementDocumentVersions, type agreements } from "../tables";
import { currentDocumentData } from "../data.internal.server";

/**
 * Records the next version of the document from the agreement as it stands
 * (content, parties, the municipality's template). The caller holds the
 * agreement's row lock, so versions are numbered one after another.
 */
export async function recordDocumentVersion(
  tx: Tx,
  ctx: ScopedContext,
  a: typeof agreements.$inferSelect,
  reason: string,
): Promise<number> {
  const snapshot = await currentDocumentData(tx as never, a);
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${agreementDocumentVersions.version}), 0)::int` })
    .from(agreementDocumentVersions)
    .where(eq(agreementDocumentVersions.agreementId, a.id));
  const version = (last?.n ?? 0) + 1;
  await tx
    .insert(agreementDocumentVersions)
    .values({ agreementId: a.id, version, reason, snapshot, createdBy: ctx.scope.userId, createdByName: ctx.scope.userName });
  return version;
}
