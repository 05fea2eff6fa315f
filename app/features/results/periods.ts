// The periods a KPI is measured in: months, fiscal quarters (April–June …) or
// fiscal years (April–March), each named by its first day. Pure date
// arithmetic on ISO calendar dates, so the server's time zone never matters.
import { MEASUREMENT_GRACE_MONTHS, monthsPerPeriod, type KpiFrequency } from "./constants";

const FISCAL_YEAR_START_MONTH = 4;

/** Months since year 0, so periods can be stepped through as integers. */
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number) => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** How many months a period begins after the start of a fiscal year (0 for monthly periods). */
const offsetInYear = (index: number) => (index - (FISCAL_YEAR_START_MONTH - 1) + 1200) % 12;

/** The first day of the period `day` falls in: 2026-05-20 → 2026-05-01 (monthly), 2026-04-01 (quarterly, yearly). */
export function periodStartOf(day: string, frequency: KpiFrequency): string {
  const index = monthIndex(day);
  const size = monthsPerPeriod[frequency];
  return monthStart(index - (offsetInYear(index) % size));
}

/** Whether `day` is the first day of a period of this frequency. */
export const isPeriodStart = (day: string, frequency: KpiFrequency) => day.slice(8) === "01" && periodStartOf(day, frequency) === day;

/** The start of the period `n` periods after the one starting on `start`. */
export const periodAfter = (start: string, frequency: KpiFrequency, n = 1) =>
  monthStart(monthIndex(start) + n * monthsPerPeriod[frequency]);

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, frequency: KpiFrequency): string {
  const next = periodAfter(start, frequency);
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** The starts of every period from the one holding `from` to the one holding `to`, oldest first (at most `limit`). */
export function periodsBetween(from: string, to: string, frequency: KpiFrequency, limit = 240): string[] {
  const out: string[] = [];
  for (
    let p = periodStartOf(from, frequency), last = periodStartOf(to, frequency);
    p <= last && out.length < limit;
    p = periodAfter(p, frequency)
  )
    out.push(p);
  return out;
}

/**
 * The latest period whose figure should be in by `today`: periods end, then
 * have MEASUREMENT_GRACE_MONTHS to be counted and entered.
 */
export function lastDuePeriod(today: string, frequency: KpiFrequency): string {
  // The period that ended at least the grace time ago is the one before the period holding (today − grace).
  const graceAgo = monthStart(monthIndex(today) - MEASUREMENT_GRACE_MONTHS);
  return periodAfter(periodStartOf(graceAgo, frequency), frequency, -1);
}

/** The fiscal year a period belongs to (2027-02-01 → 2026). */
export const fiscalYearOfPeriod = (start: string) => Math.floor((monthIndex(start) - (FISCAL_YEAR_START_MONTH - 1)) / 12);

/** The fiscal quarter (1–4) of a quarterly period. */
export const fiscalQuarterOf = (start: string) => Math.floor(offsetInYear(monthIndex(start)) / 3) + 1;
