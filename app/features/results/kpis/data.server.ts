// Reading a KPI: its definition, target, every figure entered and the periods
// a figure can be entered for. Visibility is the project's agreement's.
import { asc, eq } from "drizzle-orm";
import type { ScopedContext } from "~/lib/tenancy";
import { tokyoIsoDate } from "~/lib/wareki";
import { userNameOf } from "~/features/identity/data.internal.server";
import { kpiMeasurements } from "../tables";
import { canManageProject, canRecordMeasurement } from "../policy";
import { kpiSummaryOf, visibleKpi } from "../data.internal.server";
import { periodsBetween } from "../periods";
import { kpiPeriodRange } from "../progress";
import type { KpiDetail } from "../schema";

/** One KPI with its figures, oldest period first. */
export async function getKpi(ctx: ScopedContext, id: string, today = tokyoIsoDate()): Promise<KpiDetail> {
  const { kpi, project, agreement, partyOrgIds } = await visibleKpi(ctx.db, ctx.scope, id);
  const rows = await ctx.db
    .select({
      id: kpiMeasurements.id,
      periodStart: kpiMeasurements.periodStart,
      value: kpiMeasurements.value,
      note: kpiMeasurements.note,
      evidenceUrl: kpiMeasurements.evidenceUrl,
      enteredByName: userNameOf(kpiMeasurements.enteredBy),
      enteredAt: kpiMeasurements.enteredAt,
    })
    .from(kpiMeasurements)
    .where(eq(kpiMeasurements.kpiId, kpi.id))
    .orderBy(asc(kpiMeasurements.periodStart));
  const latest = rows.at(-1);
  const { first, last } = kpiPeriodRange(kpi);
  return {
    ...kpiSummaryOf(kpi, latest && { periodStart: latest.periodStart, value: latest.value }, today),
    definition: kpi.definition,
    dataSource: kpi.dataSource,
    ownerName: kpi.ownerName,
    project: { id: project.id, title: project.title },
    agreement: { id: agreement.id, title: agreement.title },
    measurements: rows.map((r) => ({ ...r, enteredAt: r.enteredAt.toISOString() })),
    periods: periodsBetween(first, last < today ? last : today, kpi.frequency),
    createdAt: kpi.createdAt.toISOString(),
    updatedAt: kpi.updatedAt.toISOString(),
    can: {
      edit: canManageProject(ctx.scope, agreement, project),
      record: canRecordMeasurement(ctx.scope, agreement, project, partyOrgIds),
    },
  };
}
