// Recomputing agreement health (issue 21): for every agreement in force (or
// the given ones) read the facts each feature keeps, score them
// (factors.ts), store the latest score and the day's score for the trend.
// A handful of set-based statements whatever the number of agreements, then
// writes in batches. Run by the job queue (manifest.server.ts), never by a
// request: routes may not import this file.
import { countDistinct, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { tokyoIsoDate } from "~/lib/wareki";
import { agreementsInForce } from "~/features/agreements/data.internal.server";
import { meetingFactsByAgreement } from "~/features/meetings/data.internal.server";
import { agreementCadences, agreementHealth, agreementHealthHistory, kpis, projectItems, projects } from "../tables";
import { kpiDueFacts } from "../data.internal.server";
import { DEFAULT_CADENCE, healthFactors, healthScore, type HealthFactor, type HealthInputs } from "./factors";

const BATCH = 1000;

/** Per agreement: how many of its items have a project, and how many KPIs it has and how many are overdue. */
async function resultFacts(db: Db, today: string, ids?: string[]) {
  const started = await db
    .select({ agreementId: projects.agreementId, items: countDistinct(projectItems.itemId) })
    .from(projectItems)
    .innerJoin(projects, eq(projects.id, projectItems.projectId))
    .where(ids ? inArray(projects.agreementId, ids) : undefined)
    .groupBy(projects.agreementId);
  const kpiList = await kpiDueFacts(db, ids ? inArray(kpis.agreementId, ids) : undefined, today);
  const facts = new Map<string, { itemsWithProject: number; kpis: number; kpisOverdue: number }>();
  const of = (id: string) => facts.get(id) ?? (facts.set(id, { itemsWithProject: 0, kpis: 0, kpisOverdue: 0 }), facts.get(id)!);
  for (const r of started) of(r.agreementId).itemsWithProject = r.items;
  for (const k of kpiList) {
    const f = of(k.agreementId);
    f.kpis += 1;
    if (k.overduePeriod) f.kpisOverdue += 1;
  }
  return facts;
}

export interface ComputedHealth {
  agreementId: string;
  municipalityId: string;
  score: number;
  factors: HealthFactor[];
}

/** Scores the agreements in force (`ids`: only those) as of `now`, without storing anything. */
export async function computeHealth(db: Db, now: Date, ids?: string[]): Promise<ComputedHealth[]> {
  const today = tokyoIsoDate(now);
  const basics = await agreementsInForce(db, ids);
  if (basics.length === 0) return [];
  const scoped = ids ? basics.map((b) => b.id) : undefined;
  const meetings = await meetingFactsByAgreement(db, now, scoped);
  const results = await resultFacts(db, today, scoped);
  const cadences = new Map(
    (
      await db
        .select()
        .from(agreementCadences)
        .where(scoped ? inArray(agreementCadences.agreementId, scoped) : undefined)
    ).map((c) => [c.agreementId, c]),
  );
  return basics.map((a) => {
    const m = meetings.get(a.id);
    const r = results.get(a.id);
    const cadence = cadences.get(a.id) ?? DEFAULT_CADENCE;
    const inputs: HealthInputs = {
      today,
      status: a.status,
      signedOn: a.signedOn,
      endsOn: a.endsOn,
      objectionDeadline: a.objectionDeadline,
      published: a.published,
      cadence: { steeringMonths: cadence.steeringMonths, workingMonths: cadence.workingMonths },
      lastSteering: m?.lastSteering ?? null,
      lastWorking: m?.lastWorking ?? null,
      items: a.items,
      itemsWithoutProject: Math.max(0, a.items - (r?.itemsWithProject ?? 0)),
      kpis: r?.kpis ?? 0,
      kpisOverdue: r?.kpisOverdue ?? 0,
      parties: a.parties,
      partiesMissingContact: a.partiesMissingContact,
      changesWithoutHandover: a.changesWithoutHandover,
      overdueActionItems: m?.overdueActionItems ?? 0,
    };
    const factors = healthFactors(inputs);
    return { agreementId: a.id, municipalityId: a.municipalityId, score: healthScore(factors), factors };
  });
}

/**
 * Recomputes and stores: the latest score of each agreement in force (or of
 * `ids`), the day's score in the history, and no latest score for an
 * agreement no longer in force. Returns how many were scored.
 */
export async function recomputeHealth(db: Db, now: Date = new Date(), ids?: string[]): Promise<number> {
  const scored = await computeHealth(db, now, ids);
  const day = tokyoIsoDate(now);
  for (let i = 0; i < scored.length; i += BATCH) {
    const batch = scored.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      await tx
        .insert(agreementHealth)
        .values(batch.map((h) => ({ ...h, computedAt: now })))
        .onConflictDoUpdate({
          target: agreementHealth.agreementId,
          set: { score: sql`excluded.score`, factors: sql`excluded.factors`, computedAt: sql`excluded.computed_at` },
        });
      await tx
        .insert(agreementHealthHistory)
        .values(batch.map((h) => ({ agreementId: h.agreementId, day, score: h.score })))
        .onConflictDoUpdate({
          target: [agreementHealthHistory.agreementId, agreementHealthHistory.day],
          set: { score: sql`excluded.score` },
        });
    });
  }
  // Ended or terminated: no current score (every agreement in force was just written at `now`).
  if (!ids) await db.delete(agreementHealth).where(lt(agreementHealth.computedAt, now));
  else {
    const kept = new Set(scored.map((h) => h.agreementId));
    const gone = ids.filter((id) => !kept.has(id));
    if (gone.length) await db.delete(agreementHealth).where(inArray(agreementHealth.agreementId, gone));
  }
  return scored.length;
}
