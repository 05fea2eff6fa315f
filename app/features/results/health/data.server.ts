// Reading agreement health: one agreement's score with its factors explained,
// its trend and its cadence; the desk's agreements going quiet. Visibility is
// the agreement's (every member of every party, 404 for everyone else).
import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import { translate } from "~/lib/i18n";
import type { ScopedContext } from "~/lib/tenancy";
import { tokyoIsoDate } from "~/lib/wareki";
import { agreementPartyOf, agreementTitleOf, visibleAgreement } from "~/features/agreements/data.internal.server";
import { isOwningDesk } from "~/features/agreements/policy";
import { agreementCadences, agreementHealth, agreementHealthHistory } from "../tables";
import type { AgreementHealthView, HealthFactorView, QuietAgreement } from "../schema";
import { computeHealth } from "./compute.internal.server";
import { DEFAULT_CADENCE, QUIET_BELOW, topReason, type HealthFactor } from "./factors";

const HISTORY_DAYS = 400;

/** A factor as the API and the page read it: its Japanese label, and advice when it costs points. */
export const explained = (f: HealthFactor): HealthFactorView => ({
  ...f,
  label: translate("ja", `results.health.${f.code}.label`),
  advice: f.points > 0 ? translate("ja", `results.health.${f.code}.advice`) : "",
});

/**
 * An agreement's health: the stored latest score, or (before the first
 * computation) one computed now from the same facts. Not in force: no score.
 */
export async function getAgreementHealth(ctx: ScopedContext, agreementId: string, now: Date = new Date()): Promise<AgreementHealthView> {
  const { agreement } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  const [stored] = await ctx.db.select().from(agreementHealth).where(eq(agreementHealth.agreementId, agreement.id));
  const fresh = stored ? null : ((await computeHealth(ctx.db, now, [agreement.id]))[0] ?? null);
  const factors = stored?.factors ?? fresh?.factors ?? [];
  const since = tokyoIsoDate(new Date(now.getTime() - HISTORY_DAYS * 86_400_000));
  const history = await ctx.db
    .select({ day: agreementHealthHistory.day, score: agreementHealthHistory.score })
    .from(agreementHealthHistory)
    .where(and(eq(agreementHealthHistory.agreementId, agreement.id), gte(agreementHealthHistory.day, since)))
    .orderBy(asc(agreementHealthHistory.day));
  const [cadence] = await ctx.db.select().from(agreementCadences).where(eq(agreementCadences.agreementId, agreement.id));
  return {
    agreementId: agreement.id,
    title: agreement.title,
    score: stored?.score ?? fresh?.score ?? null,
    computedAt: stored ? stored.computedAt.toISOString() : fresh ? now.toISOString() : null,
    factors: [...factors].sort((a, b) => b.points - a.points).map(explained),
    history,
    cadence: cadence ? { steeringMonths: cadence.steeringMonths, workingMonths: cadence.workingMonths } : { ...DEFAULT_CADENCE },
    can: { setCadence: isOwningDesk(ctx.scope, agreement) },
  };
}

/** The desk's agreements going quiet (score below QUIET_BELOW), worst first, each with its costliest factor. */
export async function quietAgreements(ctx: ScopedContext, limit = 5): Promise<{ items: QuietAgreement[]; total: number }> {
  const where = and(eq(agreementHealth.municipalityId, ctx.scope.organizationId), lt(agreementHealth.score, QUIET_BELOW));
  const rows = await ctx.db
    .select({
      agreementId: agreementHealth.agreementId,
      title: agreementTitleOf(agreementHealth.agreementId),
      score: agreementHealth.score,
      factors: agreementHealth.factors,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(agreementHealth)
    .where(where)
    .orderBy(asc(agreementHealth.score), desc(agreementHealth.computedAt))
    .limit(limit);
  return {
    items: rows.map((r) => ({
      agreementId: r.agreementId,
      title: r.title ?? "",
      score: r.score,
      topReason: topReason(r.factors)?.code ?? null,
    })),
    total: rows[0]?.total ?? 0,
  };
}

/**
 * What an agreement's page says of its health: the latest score and its
 * costliest factor, in one statement that itself checks the caller's
 * organisation is a party (null for anyone else, or before the first score).
 */
export async function healthDigest(
  ctx: ScopedContext,
  agreementId: string,
): Promise<{ score: number; topReason: HealthFactor["code"] | null } | null> {
  const [row] = await ctx.db
    .select({ score: agreementHealth.score, factors: agreementHealth.factors })
    .from(agreementHealth)
    .where(and(eq(agreementHealth.agreementId, agreementId), agreementPartyOf(agreementHealth.agreementId, ctx.scope.organizationId)));
  return row ? { score: row.score, topReason: topReason(row.factors)?.code ?? null } : null;
}
