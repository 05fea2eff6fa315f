import { escapeLike } from "~/lib/db/like";
import { and, asc, eq, like, sql, type SQL } from "drizzle-orm";
import { isKanaOnly, normalizeForSearch } from "~/lib/japanese-text";
import type { PublicContext } from "~/lib/tenancy";
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
  { db }: PublicContext,
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
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(localGovernments)
      .where(where),
  ]);
  const total = totalRow?.n ?? 0;
  const next = offset + items.length;
  return { items, total, nextCursor: next < total ? String(next) : null };
}

export async function getLocalGovernment({ db }: PublicContext, code: string): Promise<LocalGovernment | null> {
  const [row] = await db.select(columns).from(localGovernments).where(eq(localGovernments.code, code)).limit(1);
  return row ?? null;
}
