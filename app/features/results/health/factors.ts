// The agreement health score (形骸化 detector, issue 21): 100 less the points
// each factor loses. Pure: the daily job, the recompute after a change and the
// tests share it. The weights live here and nowhere else (docs/decisions/0036).
import type { AgreementStatus } from "~/features/agreements/schema";

/** Points at stake per factor; they add up to 100. */
export const healthWeights = {
  steering: 15,
  working: 15,
  itemsWithoutProject: 10,
  noKpi: 10,
  kpiOverdue: 10,
  contacts: 10,
  handover: 5,
  actionItems: 10,
  renewalReview: 10,
  publicity: 5,
} as const;
export type HealthFactorCode = keyof typeof healthWeights;
export const healthFactorCodes = Object.keys(healthWeights) as HealthFactorCode[];

/** The default cadence of the meetings (seed 002: steering once or twice a year, working about quarterly). */
export const DEFAULT_CADENCE = { steeringMonths: 12, workingMonths: 3 } as const;
/** A renewal this close (days) wants its review started. */
export const RENEWAL_LEAD_DAYS = 90;
/** Overdue action items that lose all the factor's points. */
export const ACTION_ITEMS_FULL = 3;
/** After signing, this long (days) to announce the agreement before publicity counts. */
export const PUBLICITY_GRACE_DAYS = 90;
/** Below this an agreement is going quiet: the desk's home and the weekly digest list it. */
export const QUIET_BELOW = 70;

/** What the score is computed from, for one agreement on one day. */
export interface HealthInputs {
  today: string;
  status: AgreementStatus;
  signedOn: string | null;
  endsOn: string | null;
  objectionDeadline: string | null;
  /** Made public on the register, or announced (press release). */
  published: boolean;
  cadence: { steeringMonths: number; workingMonths: number };
  /** The start day of the latest steering / working meeting held (not ahead). */
  lastSteering: string | null;
  lastWorking: string | null;
  items: number;
  itemsWithoutProject: number;
  kpis: number;
  kpisOverdue: number;
  parties: number;
  /** Parties without an active primary or secondary contact. */
  partiesMissingContact: number;
  /** Contacts replaced with no handover recorded. */
  changesWithoutHandover: number;
  overdueActionItems: number;
}

export interface HealthFactor {
  code: HealthFactorCode;
  /** The measured value: days, a count (see the label). */
  value: number;
  weight: number;
  /** Points lost, 0 … weight. */
  points: number;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const DAYS_PER_MONTH = 365 / 12;
const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

/**
 * Days since the last meeting of a kind (or since signing, before the first)
 * against its cadence: nothing lost within the cadence, all of it lost at
 * twice the cadence, in a straight line between.
 */
function meetingFactor(code: "steering" | "working", last: string | null, months: number, i: HealthInputs): HealthFactor {
  const since = last ?? i.signedOn ?? i.today;
  const elapsed = Math.max(0, days(since, i.today));
  const cadence = months * DAYS_PER_MONTH;
  return {
    code,
    value: elapsed,
    weight: healthWeights[code],
    points: round1(healthWeights[code] * Math.min(1, Math.max(0, elapsed - cadence) / cadence)),
  };
}

const factor = (code: HealthFactorCode, value: number, lostShare: number): HealthFactor => ({
  code,
  value,
  weight: healthWeights[code],
  points: round1(healthWeights[code] * Math.min(1, Math.max(0, lostShare))),
});

export function healthFactors(i: HealthInputs): HealthFactor[] {
  const untilEnd = i.endsOn ? days(i.today, i.endsOn) : null;
  const untilObjection = i.objectionDeadline ? days(i.today, i.objectionDeadline) : null;
  const renewalNear =
    i.status !== "renewal_review" &&
    ((untilEnd !== null && untilEnd <= RENEWAL_LEAD_DAYS) ||
      (untilObjection !== null && untilObjection >= 0 && untilObjection <= RENEWAL_LEAD_DAYS));
  const sinceSigning = i.signedOn ? days(i.signedOn, i.today) : 0;
  return [
    meetingFactor("steering", i.lastSteering, i.cadence.steeringMonths, i),
    meetingFactor("working", i.lastWorking, i.cadence.workingMonths, i),
    // An agreement with no items at all is abstract: the whole factor.
    factor("itemsWithoutProject", i.itemsWithoutProject, i.items === 0 ? 1 : share(i.itemsWithoutProject, i.items)),
    factor("noKpi", i.kpis, i.kpis === 0 ? 1 : 0),
    factor("kpiOverdue", i.kpisOverdue, share(i.kpisOverdue, i.kpis)),
    factor("contacts", i.partiesMissingContact, share(i.partiesMissingContact, i.parties)),
    factor("handover", i.changesWithoutHandover, i.changesWithoutHandover > 0 ? 1 : 0),
    factor("actionItems", i.overdueActionItems, i.overdueActionItems / ACTION_ITEMS_FULL),
    factor("renewalReview", untilEnd ?? -1, renewalNear ? 1 : 0),
    factor("publicity", i.published ? 1 : 0, !i.published && sinceSigning > PUBLICITY_GRACE_DAYS ? 1 : 0),
  ];
}

/** 100 less the points lost, a whole number. */
export const healthScore = (factors: readonly HealthFactor[]) =>
  Math.max(0, Math.round(100 - factors.reduce((sum, f) => sum + f.points, 0)));

/** The factor that costs the most (the "top reason"), or null when nothing is lost. */
export function topReason(factors: readonly HealthFactor[]): HealthFactor | null {
  const worst = [...factors].sort((a, b) => b.points - a.points)[0];
  return worst && worst.points > 0 ? worst : null;
}
