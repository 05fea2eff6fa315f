// Japanese fiscal year (年度): 1 April to 31 March, named after the calendar
// year in which it starts. Dates are Asia/Tokyo calendar dates (see wareki.ts).
import { formatWarekiYear, toTokyoCalendarDate, toWareki } from "./wareki";
import type { FormatWarekiOptions, Wareki } from "./wareki";

function assertFiscalYear(fy: number): void {
  // Four-digit years only, so ranges are valid ISO date strings.
  if (!Number.isInteger(fy) || fy < 1000 || fy > 9998) {
    throw new RangeError(`invalid fiscal year: ${fy}`);
  }
}

/** 2026-03-31 → 2025, 2026-04-01 → 2026. */
export function fiscalYearOf(date: Date | string): number {
  const d = toTokyoCalendarDate(date);
  return d.month >= 4 ? d.year : d.year - 1;
}

/** First and last day (inclusive) as ISO dates: 2026 → 2026-04-01 … 2027-03-31. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  assertFiscalYear(fy);
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

// Fiscal years whose official name differs from the era in force on 1 April.
// FY2019 began on 2019-04-01 (平成31年), but 令和 started a month later and the
// government then referred to the whole year as 令和元年度 (budgets,
// settlements and statistics are published under that name), so that is
// what users expect to see. Add an entry here if a future era starts
// mid-fiscal-year.
const FISCAL_YEAR_ERA_OVERRIDES: ReadonlyMap<number, Wareki> = new Map([[2019, { era: "令和", year: 1 }]]);

/** 2026 → "令和8年度", 2019 → "令和元年度", 1988 → "昭和63年度". */
export function formatFiscalYear(fy: number, opts: FormatWarekiOptions = {}): string {
  assertFiscalYear(fy);
  const wareki = FISCAL_YEAR_ERA_OVERRIDES.get(fy) ?? toWareki(`${fy}-04-01`);
  return `${formatWarekiYear(wareki, opts)}度`;
}
