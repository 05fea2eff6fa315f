// 和暦 (Japanese era) formatting, computed from a fixed table rather than
// Intl's "japanese" calendar, whose output varies between ICU versions.
// All dates are calendar dates in Asia/Tokyo (UTC+9, no DST since 1951).

export type EraName = "令和" | "平成" | "昭和" | "大正" | "明治";

export interface Wareki {
  era: EraName;
  /** Year within the era; 1 is written 元年. */
  year: number;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// Newest first. Start = first day of the era (Gregorian). 明治 is dated from
// 1868-01-25 (= 慶応4年/明治元年1月1日 in the lunisolar calendar, since the
// era was applied retroactively to the start of that year); dates before
// the 1873 switch to the Gregorian calendar are converted naively.
const ERAS: readonly { name: EraName; start: CalendarDate }[] = [
  { name: "令和", start: { year: 2019, month: 5, day: 1 } },
  { name: "平成", start: { year: 1989, month: 1, day: 8 } },
  { name: "昭和", start: { year: 1926, month: 12, day: 25 } },
  { name: "大正", start: { year: 1912, month: 7, day: 30 } },
  { name: "明治", start: { year: 1868, month: 1, day: 25 } },
];

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The Asia/Tokyo calendar date of a Date, or of an ISO string.
 * - "YYYY-MM-DD" is taken as that calendar date as-is (no time zone shift),
 *   so "2026-11-23" is 23 November wherever the server runs.
 * - A full ISO timestamp must carry an offset ("Z" or "+09:00"); it is
 *   converted to Tokyo time. Offset-less timestamps are rejected because
 *   JavaScript would read them in the server's local zone.
 * Throws RangeError on anything else.
 */
export function toTokyoCalendarDate(date: Date | string): CalendarDate {
  if (typeof date === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (m) {
      const result = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      if (result.month < 1 || result.month > 12 || result.day < 1 || result.day > daysInMonth(result.year, result.month)) {
        throw new RangeError(`invalid date: ${JSON.stringify(date)}`);
      }
      return result;
    }
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(date)) {
      return toTokyoCalendarDate(new Date(date));
    }
    throw new RangeError(`expected an ISO date (YYYY-MM-DD) or a timestamp with offset: ${JSON.stringify(date)}`);
  }
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError("invalid Date");
  // Shift to UTC+9 and read the UTC fields: independent of the host zone.
  const tokyo = new Date(t + TOKYO_OFFSET_MS);
  return { year: tokyo.getUTCFullYear(), month: tokyo.getUTCMonth() + 1, day: tokyo.getUTCDate() };
}

/** Era and era year of a date. Throws RangeError before 明治 (1868-01-25). */
export function toWareki(date: Date | string): Wareki {
  return warekiOf(toTokyoCalendarDate(date));
}

function warekiOf(d: CalendarDate): Wareki {
  for (const era of ERAS) {
    if (compareDates(d, era.start) >= 0) {
      return { era: era.name, year: d.year - era.start.year + 1 };
    }
  }
  throw new RangeError(`date is before the 明治 era (1868-01-25): ${JSON.stringify(d)}`);
}

export interface FormatWarekiOptions {
  /**
   * Write year 1 as 元年 (default true), as official documents do. Set false
   * for forms or machine-readable contexts that want "令和1年".
   */
  gannen?: boolean;
}

/** "令和元年", "平成31年": the era-year part only. */
export function formatWarekiYear(wareki: Wareki, opts: FormatWarekiOptions = {}): string {
  const { gannen = true } = opts;
  const year = wareki.year === 1 && gannen ? "元" : String(wareki.year);
  return `${wareki.era}${year}年`;
}

/** "令和8年11月23日", "令和元年5月1日". */
export function formatWareki(date: Date | string, opts: FormatWarekiOptions = {}): string {
  const d = toTokyoCalendarDate(date);
  return `${formatWarekiYear(warekiOf(d), opts)}${d.month}月${d.day}日`;
}

/** The Tokyo calendar date of a moment as "YYYY-MM-DD" (today by default). */
export function tokyoIsoDate(date: Date = new Date()): string {
  const d = toTokyoCalendarDate(date);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

const ERA_BY_PREFIX: Readonly<Record<string, EraName>> = {
  令和: "令和",
  平成: "平成",
  昭和: "昭和",
  大正: "大正",
  明治: "明治",
  r: "令和",
  h: "平成",
  s: "昭和",
  t: "大正",
  m: "明治",
};

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A date as people write it in registers and spreadsheets, as "YYYY-MM-DD",
 * or null when it is not a real date: 2023-04-01, 2023/4/1, 2023.4.1,
 * 2023年4月1日, 令和5年4月1日, 令和元年5月1日, R5.4.1, H31/4/30.
 * An era year must fall inside its era (平成32年 does not exist).
 */
export function parseJapaneseDate(text: string): string | null {
  const s = text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (western) return isoOf(Number(western[1]), Number(western[2]), Number(western[3]));
  const era = /^(令和|平成|昭和|大正|明治|[rhstm])(元|\d{1,2})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(s);
  if (!era) return null;
  const name = ERA_BY_PREFIX[era[1]!]!;
  const start = ERAS.find((e) => e.name === name)!.start;
  const eraYear = era[2] === "元" ? 1 : Number(era[2]);
  if (eraYear < 1) return null;
  const iso = isoOf(start.year + eraYear - 1, Number(era[3]), Number(era[4]));
  if (!iso) return null;
  // The date must belong to that era: not before its first day, not after the next era began.
  try {
    return warekiOf(toTokyoCalendarDate(iso)).era === name ? iso : null;
  } catch {
    return null; // before 明治
  }
}
