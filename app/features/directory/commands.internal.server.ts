// Keeping the national directory current: run at start-up, by scripts/migrate.ts
// and by the test databases, never by a request; routes may not import this
// file (eslint.config.js).
import { count, notInArray, sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { localGovernments } from "./tables";
import { nationalLocalGovernments } from "./national-list";

/**
 * Brings the directory in line with the national list. Reference data owned by
 * the platform, not by a tenant, so it is not audited. Idempotent; skips the
 * write when the table already holds exactly the list.
 */
export async function syncLocalGovernments(db: Db): Promise<{ changed: boolean; total: number }> {
  const rows = nationalLocalGovernments();
  const [current] = await db.select({ n: count() }).from(localGovernments);
  if (current && current.n === rows.length) return { changed: false, total: rows.length };
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(localGovernments)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: localGovernments.code,
          set: {
            kind: sql`excluded.kind`,
            name: sql`excluded.name`,
            fullName: sql`excluded.full_name`,
            nameKana: sql`excluded.name_kana`,
            prefectureCode: sql`excluded.prefecture_code`,
            parentCode: sql`excluded.parent_code`,
            sortOrder: sql`excluded.sort_order`,
          },
        });
    }
    await tx.delete(localGovernments).where(
      notInArray(
        localGovernments.code,
        rows.map((r) => r.code),
      ),
    );
  });
  return { changed: true, total: rows.length };
}
