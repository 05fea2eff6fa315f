// KPIs and their figures: those who run a project set its SMART KPIs; they
// and the partners enter one figure per period (entering a period again
// replaces its figure, and the audit log keeps the one before). Every command
// runs through runCommand.
import { and, eq } from "drizzle-orm";
import { fieldError, forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { tokyoIsoDate } from "~/lib/wareki";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { healthMayHaveChanged } from "../health/trigger.internal.server";
import { kpiMeasurements, kpis } from "../tables";
import { canManageProject, canRecordMeasurement } from "../policy";
import { kpiInput, measurementInput, type KpiInput } from "../schema";
import { visibleKpi, visibleProject } from "../data.internal.server";
import { isPeriodStart } from "../periods";
import { kpiPeriodRange } from "../progress";

const columnsOf = (input: KpiInput) => ({
  name: input.name,
  definition: input.definition,
  unit: input.unit,
  baselineValue: input.baselineValue,
  baselineOn: input.baselineOn,
  targetValue: input.targetValue,
  targetOn: input.targetOn,
  direction: input.direction,
  frequency: input.frequency,
  dataSource: input.dataSource,
  ownerName: input.ownerName,
  isPublic: input.isPublic,
});

/** Those who run the project add a KPI to it. */
export async function createKpi(ctx: ScopedContext, projectId: string, rawInput: unknown): Promise<{ id: string }> {
  const { project, agreement } = await visibleProject(ctx.db, ctx.scope, projectId);
  if (!canManageProject(ctx.scope, agreement, project)) throw forbidden();
  const input = parseInput(kpiInput, rawInput);
  const created = await runCommand(ctx, { action: "kpi.create", targetType: "kpi" }, async (tx, command) => {
    const [row] = await tx
      .insert(kpis)
      .values({
        ...columnsOf(input),
        projectId: project.id,
        agreementId: project.agreementId,
        municipalityId: project.municipalityId,
        createdBy: ctx.scope.userId,
      })
      .returning();
    command.trace({ targetId: row!.id, after: row });
    return { id: row!.id };
  });
  await healthMayHaveChanged(ctx, project.agreementId);
  return created;
}

/**
 * Those who run the project change a KPI. Its frequency stays once figures
 * are entered: their periods would no longer be periods of the KPI.
 */
export async function updateKpi(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { kpi: before, project, agreement } = await visibleKpi(ctx.db, ctx.scope, id);
  if (!canManageProject(ctx.scope, agreement, project)) throw forbidden();
  const input = parseInput(kpiInput, rawInput);
  if (input.frequency !== before.frequency) {
    const [measured] = await ctx.db.select({ id: kpiMeasurements.id }).from(kpiMeasurements).where(eq(kpiMeasurements.kpiId, id)).limit(1);
    if (measured) throw fieldError("frequency", "validation.kpi.frequencyLocked");
  }
  const after = columnsOf(input);
  await runCommand(ctx, { action: "kpi.update", targetType: "kpi", targetId: id, before, after }, async (tx) => {
    await tx.update(kpis).set(after).where(eq(kpis.id, id));
  });
  await healthMayHaveChanged(ctx, project.agreementId);
}

/**
 * A figure for one of the KPI's periods (from the baseline's to the target's,
 * none in the future), by those who run the project or a partner.
 */
export async function recordMeasurement(
  ctx: ScopedContext,
  kpiId: string,
  rawInput: unknown,
  today = tokyoIsoDate(),
): Promise<{ id: string }> {
  const { kpi, project, agreement, partyOrgIds } = await visibleKpi(ctx.db, ctx.scope, kpiId);
  if (!canRecordMeasurement(ctx.scope, agreement, project, partyOrgIds)) throw forbidden();
  const input = parseInput(measurementInput, rawInput);
  const { first, last } = kpiPeriodRange(kpi);
  const p = input.periodStart;
  if (!isPeriodStart(p, kpi.frequency) || p < first || p > last || p > today) throw fieldError("periodStart", "validation.kpi.period");
  const values = { value: input.value, note: input.note ?? "", evidenceUrl: input.evidenceUrl ?? "", enteredBy: ctx.scope.userId };
  const recorded = await runCommand(ctx, { action: "kpi.measurement.record", targetType: "kpi", targetId: kpi.id }, async (tx, command) => {
    const [existing] = await tx
      .select({ value: kpiMeasurements.value, note: kpiMeasurements.note })
      .from(kpiMeasurements)
      .where(and(eq(kpiMeasurements.kpiId, kpi.id), eq(kpiMeasurements.periodStart, p)))
      .limit(1);
    const [row] = await tx
      .insert(kpiMeasurements)
      .values({ kpiId: kpi.id, periodStart: p, ...values })
      .onConflictDoUpdate({ target: [kpiMeasurements.kpiId, kpiMeasurements.periodStart], set: { ...values, enteredAt: new Date() } })
      .returning({ id: kpiMeasurements.id });
    command.trace({
      before: existing ? { periodStart: p, ...existing } : null,
      after: { periodStart: p, value: values.value, note: values.note, evidenceUrl: values.evidenceUrl },
    });
    return { id: row!.id };
  });
  await healthMayHaveChanged(ctx, kpi.agreementId);
  return recorded;
}
