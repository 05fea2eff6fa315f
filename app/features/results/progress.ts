// Where a KPI stands against its target: achieved, on track (at least as far
// as a straight line from baseline to target would be by now, less a margin),
// behind, or not measured yet. Pure: the pages, the API, the dashboards and
// the health score share it.
import type { KpiDirection, KpiFrequency } from "./constants";
import { lastDuePeriod, periodStartOf } from "./periods";

export const kpiStandings = ["achieved", "on_track", "behind", "no_data"] as const;
export type KpiStanding = (typeof kpiStandings)[number];

/** How far behind the straight line a KPI may be and still count as on track (a tenth of the way). */
export const ON_TRACK_MARGIN = 0.1;

export interface KpiTargetRef {
  baselineValue: number;
  baselineOn: string;
  targetValue: number;
  targetOn: string;
  direction: KpiDirection;
}

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The share of the way from baseline to target a value has come (0 at the baseline, 1 at the target; may pass either end). */
export function shareOfTarget(kpi: KpiTargetRef, value: number): number {
  const span = kpi.targetValue - kpi.baselineValue;
  if (span === 0) return 1;
  return (value - kpi.baselineValue) / span;
}

/** The share of the time from baseline to target that has passed by `day` (0–1). */
export function shareOfTime(kpi: Pick<KpiTargetRef, "baselineOn" | "targetOn">, day: string): number {
  const total = days(kpi.targetOn) - days(kpi.baselineOn);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (days(day) - days(kpi.baselineOn)) / total));
}

/**
 * The standing of a KPI whose latest figure is `latest` (for the period
 * ending `asOf`). A figure past the target in the wanted direction is achieved.
 */
export function kpiStanding(kpi: KpiTargetRef, latest: { value: number; asOf: string } | null): KpiStanding {
  if (!latest) return "no_data";
  const done = shareOfTarget(kpi, latest.value);
  if (done >= 1) return "achieved";
  return done >= shareOfTime(kpi, latest.asOf) - ON_TRACK_MARGIN ? "on_track" : "behind";
}

/** The periods a KPI reports on: from the one holding its baseline date to the one holding its target date. */
export const kpiPeriodRange = (kpi: { baselineOn: string; targetOn: string; frequency: KpiFrequency }) => ({
  first: periodStartOf(kpi.baselineOn, kpi.frequency),
  last: periodStartOf(kpi.targetOn, kpi.frequency),
});

/**
 * The latest period whose figure is due by `today` and not entered (nothing
 * entered for it or later), or null. Periods after the target's are never due.
 */
export function overduePeriod(
  kpi: { baselineOn: string; targetOn: string; frequency: KpiFrequency },
  latestPeriodStart: string | null,
  today: string,
): string | null {
  const { first, last } = kpiPeriodRange(kpi);
  const due = lastDuePeriod(today, kpi.frequency);
  const expected = due > last ? last : due;
  if (expected < first) return null;
  return latestPeriodStart !== null && latestPeriodStart >= expected ? null : expected;
}
