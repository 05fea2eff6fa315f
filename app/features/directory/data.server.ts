import { escapeLike } from "~/lib/db/like";
import { and, asc, eq, like, sql, type SQL } from "drizzle-orm";
import { isKanaOnly, normalizeForSearch } from "~/lib/japanese-text";
import type { PublicContext } from "~/lib/tenancy";
import { publicBodyOnPlatformOf } from "~/features/identity/data.internal.server";
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
  onPlatform: publicBodyOnPlatformOf(localGovernments.code),
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
  if (input.onPlatform) filters.push(publicBodyOnPlatformOf(localGovernments.code));
  const where = filters.length ? and(...filters) : undefined;
  const offset = input.cursor ? Number(input.cursor) : 0;

  // One statement: the page with the number of matches beside each row (the directory is small, so counting
  // the matches while ranking them costs nothing), instead of a second query for the total (issue 19).
  const rows = await db
    .select({ ...columns, total: sql<number>`(count(*) over ())::int` })
    .from(localGovernments)
    .where(where)
    .orderBy(...(rank ? [rank] : []), asc(localGovernments.sortOrder))
    .limit(input.limit)
    .offset(offset);
  const items = rows.map(({ total: _total, ...item }) => item);
  // Past the last page no row carries the total: count then.
  const total = rows[0]?.total ?? (offset > 0 ? await countMatches(db, where) : 0);
  const next = offset + items.length;
  return { items, total, nextCursor: next < total ? String(next) : null };
}

async function countMatches(db: PublicContext["db"], where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(localGovernments)
    .where(where);
  return row?.n ?? 0;
}

export async function getLocalGovernment({ db }: PublicContext, code: string): Promise<LocalGovernment | null> {
  const [row] = await db.select(columns).from(localGovernments).where(eq(localGovernments.code, code)).limit(1);
  return row ?? null;
}
