import { decodeCursor, encodeCursor, isIsoInstant } from "~/lib/cursor";
import { isUuid } from "~/lib/validation";
import { containsPattern } from "~/lib/db/like";
import { and, arrayContains, asc, count, desc, eq, lte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import { notFound } from "~/lib/errors";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { PublicContext, ScopedContext, ViewerContext } from "~/lib/tenancy";
import { tokyoIsoDate } from "~/lib/wareki";
import { listAttachments, readAttachment } from "~/features/files/data.internal.server";
import { localGovernmentFullNameOf, localGovernmentNames } from "~/features/directory/data.internal.server";
import { organizationNameOf } from "~/features/identity/data.internal.server";
import { themeFollows, themes } from "./tables";
import { loadTheme } from "./data.internal.server";
import { canCloseTheme, canEditTheme, canPublishTheme, canViewTheme } from "./policy";
import type { FollowView, ThemeDetail, ThemeListInput, ThemeSummary } from "./schema";

/** What a summary reads of a theme, the names of its place and department included: one statement per list (issue 19). */
const summaryColumns = {
  id: themes.id,
  title: themes.title,
  status: themes.status,
  municipalityId: themes.municipalityId,
  localGovCode: themes.localGovCode,
  prefectureCode: themes.prefectureCode,
  fields: themes.fields,
  deadline: themes.deadline,
  publishedAt: themes.publishedAt,
  departmentId: themes.departmentId,
  municipalityName: localGovernmentFullNameOf(themes.localGovCode),
  departmentName: organizationNameOf(themes.departmentId),
};

// Field by field: the API's view, not the row.
function toSummary(r: SelectResultFields<typeof summaryColumns>): ThemeSummary {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    municipalityId: r.municipalityId,
    municipalityName: r.municipalityName ?? r.localGovCode,
    localGovCode: r.localGovCode,
    prefectureCode: r.prefectureCode,
    fields: r.fields,
    deadline: r.deadline,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    departmentName: r.departmentId ? r.departmentName : null,
  };
}

function cursorFilter(raw: string | undefined): SQL | undefined {
  const cursor = decodeCursor(raw, isIsoInstant);
  if (!cursor) return undefined;
  const at = new Date(cursor.key);
  return or(lt(themes.publishedAt, at), and(eq(themes.publishedAt, at), lt(themes.id, cursor.id)));
}

/**
 * Public theme calls (never drafts), newest first, filterable by field,
 * prefecture, municipality, deadline and keywords. "open" means published and
 * not past its deadline (Tokyo date).
 */
export async function listPublicThemes(
  { db }: PublicContext,
  input: ThemeListInput,
): Promise<{ items: ThemeSummary[]; total: number; nextCursor: string | null }> {
  const filters: SQL[] = [];
  const today = tokyoIsoDate();
  // Written as themes_open indexes it: no deadline counts as open for ever.
  if (input.status === "open")
    filters.push(eq(themes.status, "published"), sql`coalesce(${themes.deadline}, 'infinity'::date) >= ${today}`);
  else if (input.status === "published") filters.push(eq(themes.status, "published"));
  else if (input.status === "closed")
    filters.push(or(eq(themes.status, "closed"), and(eq(themes.status, "published"), lt(themes.deadline, today)))!);
  else filters.push(sql`${themes.status} <> 'draft'`);
  if (input.field) filters.push(arrayContains(themes.fields, [input.field]));
  if (input.municipality) filters.push(eq(themes.localGovCode, input.municipality));
  if (input.prefecture) filters.push(eq(themes.prefectureCode, input.prefecture));
  if (input.deadlineBefore) filters.push(lte(themes.deadline, input.deadlineBefore));
  if (input.q) filters.push(sql`${themes.searchText} like ${containsPattern(normalizeForSearch(input.q))}`);
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(themes)
      .where(and(where, cursorFilter(input.cursor)))
      .orderBy(desc(themes.publishedAt), desc(themes.id))
      .limit(input.limit + 1),
    db.select({ n: count() }).from(themes).where(where),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    total: total?.n ?? 0,
    nextCursor: rows.length > input.limit && last?.publishedAt ? encodeCursor(last.publishedAt.toISOString(), last.id) : null,
  };
}

/** All calls of the caller's municipality, drafts included (staff only). */
export async function listMunicipalityThemes(ctx: ScopedContext): Promise<ThemeSummary[]> {
  const rows = await ctx.db
    .select(summaryColumns)
    .from(themes)
    .where(eq(themes.municipalityId, ctx.scope.organizationId))
    .orderBy(asc(sql`case ${themes.status} when 'draft' then 0 when 'published' then 1 else 2 end`), desc(themes.updatedAt))
    .limit(500);
  return rows.map(toSummary);
}

/** One call with what the caller may do; drafts of others are a 404. */
export async function getTheme({ db, scope }: ViewerContext, id: string): Promise<ThemeDetail> {
  const row = await loadTheme(db, id);
  if (!row || !canViewTheme(scope, row.theme)) throw notFound();
  const t = row.theme;
  const [files, [summary]] = await Promise.all([
    listAttachments(db, "theme", [t.id]),
    db.select(summaryColumns).from(themes).where(eq(themes.id, t.id)),
  ]);
  return {
    ...toSummary(summary!),
    departmentId: t.departmentId,
    background: t.background,
    goal: t.goal,
    offer: t.offer,
    planPolicy: t.planPolicy,
    planField: t.planField,
    startsOn: t.startsOn,
    closedAt: t.closedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    attachments: files.get(t.id) ?? [],
    can: { edit: canEditTheme(scope, t), publish: canPublishTheme(scope, t), close: canCloseTheme(scope, t) },
  };
}

/** A theme's file, under the theme's own visibility rule. */
export async function getThemeAttachment({ db, scope }: ViewerContext, themeId: string, attachmentId: string) {
  const row = await loadTheme(db, themeId);
  if (!row || !canViewTheme(scope, row.theme) || !isUuid(attachmentId)) throw notFound();
  const file = await readAttachment(db, "theme", themeId, attachmentId);
  if (!file) throw notFound();
  return file;
}

export type { FollowView } from "./schema";

export async function listFollows(ctx: ScopedContext): Promise<FollowView[]> {
  const rows = await ctx.db
    .select({ id: themeFollows.id, kind: themeFollows.kind, value: themeFollows.value })
    .from(themeFollows)
    .where(eq(themeFollows.userId, ctx.scope.userId))
    .orderBy(asc(themeFollows.kind), asc(themeFollows.value));
  const places = await localGovernmentNames(
    ctx.db,
    rows.filter((r) => r.kind === "municipality").map((r) => r.value),
  );
  return rows.map((r) => ({ ...r, label: r.kind === "municipality" ? (places.get(r.value)?.fullName ?? null) : null }));
}

/** A call open for proposals right now: published and not past its deadline. */
export async function openThemeForProposal({ db }: ScopedContext, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      id: themes.id,
      title: themes.title,
      municipalityId: themes.municipalityId,
      localGovCode: themes.localGovCode,
      fields: themes.fields,
      deadline: themes.deadline,
      status: themes.status,
    })
    .from(themes)
    .where(eq(themes.id, id))
    .limit(1);
  if (!row || row.status !== "published" || (row.deadline && row.deadline < tokyoIsoDate())) return null;
  return row;
}
