import { escapeLike } from "~/lib/db/like";
import { and, asc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { isKanaOnly, normalizeForSearch } from "~/lib/japanese-text";
import { localGovernments } from "./tables";
import type { LocalGovernment, MunicipalitySearchInput } from "./schema";

const columns = {
  code: localGovernments.code,
  kind: localGovernments.kind,
  name: localGovernments.name,
  fullName: localGovernments.fullName,
  nameKana: localGovernments.nameKana,
  prefectureCode: localGovernments.prefectureCode,
  parentCode: localGovernments.parentCode,
};


/**
 * Finds local governments by kanji (name or prefecture+name), kana reading or
 * the beginning of the code. Public reference data: no tenant scope needed.
 * Best matches first: exact name, then prefix, then anywhere in the name.
 */
export async function searchLocalGovernments(
  db: Db,
  input: MunicipalitySearchInput,
): Promise<{ items: LocalGovernment[]; total: number; nextCursor: string | null }> {
  const filters: SQL[] = [];
  let rank: SQL | undefined;
  const q = input.q ? normalizeForSearch(input.q) : "";
  if (q) {
    if (/^\d+$/.test(q)) {
      filters.push(like(localGovernments.code, `${escapeLike(q.slice(0, 6))}%`));
    } else if (isKanaOnly(q)) {
      const pattern = escapeLike(q);
      filters.push(like(localGovernments.nameKana, `%${pattern}%`));
      rank = sql`case when ${localGovernments.nameKana} = ${q} then 0 when ${localGovernments.nameKana} like ${pattern + "%"} then 1 else 2 end`;
    } else {
      const raw = escapeLike(input.q!.normalize("NFKC").trim());
      // The name is always inside the full name (prefecture + city + ward): one
      // condition on full_name lets the trigram index answer.
      filters.push(sql`${localGovernments.fullName} ilike ${"%" + raw + "%"}`);
      rank = sql`case when ${localGovernments.name} = ${input.q!.trim()} or ${localGovernments.fullName} = ${input.q!.trim()} then 0 when ${localGovernments.name} like ${raw + "%"} then 1 else 2 end`;
    }
  }
  if (input.prefecture) filters.push(eq(localGovernments.prefectureCode, input.prefecture));
  if (input.kind) filters.push(eq(localGovernments.kind, input.kind));
  const where = filters.length ? and(...filters) : undefined;
  const offset = input.cursor ? Number(input.cursor) : 0;

  const [items, [totalRow]] = await Promise.all([
    db
      .select(columns)
      .from(localGovernments)
      .where(where)
      .orderBy(...(rank ? [rank] : []), asc(localGovernments.sortOrder))
      .limit(input.limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(localGovernments).where(where),
  ]);
  const total = totalRow?.n ?? 0;
  const next = offset + items.length;
  return { items, total, nextCursor: next < total ? String(next) : null };
}

export async function getLocalGovernment(db: Db, code: string): Promise<LocalGovernment | null> {
  const [row] = await db.select(columns).from(localGovernments).where(eq(localGovernments.code, code)).limit(1);
  return row ?? null;
}

export async function localGovernmentExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: localGovernments.code }).from(localGovernments).where(eq(localGovernments.code, code)).limit(1);
  return Boolean(row);
}

/** Names of local governments by code (for lists that show where something is). */
export async function localGovernmentNames(db: Db, codes: string[]): Promise<Map<string, { name: string; fullName: string }>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: localGovernments.code, name: localGovernments.name, fullName: localGovernments.fullName })
    .from(localGovernments)
    .where(inArray(localGovernments.code, unique));
  return new Map(rows.map((r) => [r.code, { name: r.name, fullName: r.fullName }]));
}
