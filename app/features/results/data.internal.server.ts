// Project and KPI reads for this feature's commands (a row with its agreement,
// checked against a scope but read with a raw Db) and names for other
// features' lists. Routes may not import this file (eslint.config.js); they
// read through projects/data.server.ts and kpis/data.server.ts. KPI summaries
// (latest figure, standing, overdue period) are shared by both.
import { and, asc, desc, eq, exists, getTableColumns, lt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lookup, subqueries } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import { notFound } from "~/lib/errors";
import type { TenantScope } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { visibleAgreement } from "~/features/agreements/data.internal.server";
import { agreementHealth, kpiMeasurements, kpis, projects } from "./tables";
import { kpiStanding, overduePeriod } from "./progress";
import { periodEnd } from "./periods";
import type { KpiSummary } from "./schema";

/** A project whose agreement the caller is a party to, with that agreement; else 404. */
export async function visibleProject(db: Db, scope: TenantScope, id: string) {
  if (!isUuid(id)) throw notFound();
  const [project] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  if (!project) throw notFound();
  const { agreement, partyOrgIds } = await visibleAgreement(db, scope, project.agreementId);
  return { project, agreement, partyOrgIds };
}

/** A KPI of a project the caller may see, with the project and its agreement; else 404. */
export async function visibleKpi(db: Db, scope: TenantScope, id: string) {
  if (!isUuid(id)) throw notFound();
  const [kpi] = await db.select().from(kpis).where(eq(kpis.id, id)).limit(1);
  if (!kpi) throw notFound();
  return { kpi, ...(await visibleProject(db, scope, kpi.projectId)) };
}

const titled = alias(projects, "titled_project");
const namedKpi = alias(kpis, "named_kpi");

/** A project's title as a column of another feature's query (decision 0029). */
export function projectTitleOf(id: SQLWrapper): SQL<string | null> {
  return lookup(titled, titled.title, titled.id, id);
}

/** A KPI's name as a column of another feature's query. */
export function kpiNameOf(id: SQLWrapper): SQL<string | null> {
  return lookup(namedKpi, namedKpi.name, namedKpi.id, id);
}

type KpiRow = typeof kpis.$inferSelect;

const latestFigure = alias(kpiMeasurements, "latest_figure");

/** A KPI's latest figure (its newest period entered) as a column of the KPI's own statement. */
function latestFigureOf(kpiId: SQLWrapper) {
  return sql<{ periodStart: string; value: number } | null>`${subqueries
    .select({ figure: sql`json_build_object('periodStart', ${latestFigure.periodStart}, 'value', ${latestFigure.value})` })
    .from(latestFigure)
    .where(eq(latestFigure.kpiId, kpiId))
    .orderBy(desc(latestFigure.periodStart))
    .limit(1)}`;
}

/** A KPI as lists show it: its latest figure, its standing and the figure it is missing. */
export function kpiSummaryOf(k: KpiRow, latest: { periodStart: string; value: number } | undefined, today: string): KpiSummary {
  return {
    id: k.id,
    projectId: k.projectId,
    name: k.name,
    unit: k.unit,
    baselineValue: k.baselineValue,
    baselineOn: k.baselineOn,
    targetValue: k.targetValue,
    targetOn: k.targetOn,
    direction: k.direction,
    frequency: k.frequency,
    isPublic: k.isPublic,
    latest: latest ?? null,
    standing: kpiStanding(k, latest ? { value: latest.value, asOf: periodEnd(latest.periodStart, k.frequency) } : null),
    overduePeriod: overduePeriod(k, latest?.periodStart ?? null, today),
  };
}

/** The KPIs that `where` selects, oldest first, as summaries: one statement. */
export async function kpiSummariesWhere(db: Db, where: SQL | undefined, today: string): Promise<KpiSummary[]> {
  const rows = await db
    .select({ kpi: getTableColumns(kpis), latest: latestFigureOf(kpis.id) })
    .from(kpis)
    .where(where)
    .orderBy(asc(kpis.createdAt), asc(kpis.id));
  return rows.map((r) => kpiSummaryOf(r.kpi, r.latest ?? undefined, today));
}

/** Each KPI's agreement and the period it is missing, if any (the health score's reading of KPIs): one statement. */
export async function kpiDueFacts(db: Db, where: SQL | undefined, today: string) {
  const rows = await db
    .select({
      agreementId: kpis.agreementId,
      baselineOn: kpis.baselineOn,
      targetOn: kpis.targetOn,
      frequency: kpis.frequency,
      latestPeriod: sql<string | null>`${subqueries
        .select({ p: latestFigure.periodStart })
        .from(latestFigure)
        .where(eq(latestFigure.kpiId, kpis.id))
        .orderBy(desc(latestFigure.periodStart))
        .limit(1)}`.mapWith(latestFigure.periodStart),
    })
    .from(kpis)
    .where(where);
  return rows.map((r) => ({ agreementId: r.agreementId, overduePeriod: overduePeriod(r, r.latestPeriod, today) }));
}

const scored = alias(agreementHealth, "scored_health");

/** Whether the agreement `id`'s latest health score is below `limit`: a condition for the register's statement. */
export function healthBelowOf(id: SQLWrapper, limit: number): SQL {
  return exists(
    subqueries
      .select({ one: sql`1` })
      .from(scored)
      .where(and(eq(scored.agreementId, id), lt(scored.score, limit))),
  );
}
