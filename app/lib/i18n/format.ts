// Dates, times, lists and numbers as people read them in the active locale.
// Times are Japan time whatever the server's or the browser's zone. Japanese
// dates stay in 和暦, which officials expect (computed by lib/wareki.ts, not
// Intl's era calendar); English gets Gregorian dates with English month names.
import { formatWareki, tokyoIsoDate } from "../wareki";
import type { Locale } from "./index";

const timeZone = "Asia/Tokyo";

/** The catalog's English is British ("Organisation"), and so are its dates: "23 Nov 2026, 14:05". */
const intlLocale: Record<Locale, string> = { ja: "ja-JP", en: "en-GB" };

const rangeSeparator: Record<Locale, string> = { ja: "〜", en: " – " };

/** Japanese as the pages have always written it (2026/11/23 14:05); English with the month's name. */
const dateTimeOptions: Record<Locale, Intl.DateTimeFormatOptions> = {
  ja: { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  en: { dateStyle: "medium", timeStyle: "short" },
};

export interface Formatters {
  /** "2026/11/23 14:05"; "23 Nov 2026, 14:05". */
  dateTime(iso: string): string;
  /** A meeting: its day in 和暦 with the weekday, then the times: "令和9年5月10日（月）14:00〜16:00"; "Mon, 10 May 2027, 14:00–16:00". */
  meeting(startIso: string, endIso: string): string;
  /** "14:05", or "14:05:33" to the second. */
  time(iso: string, precision?: "minute" | "second"): string;
  /** A calendar date (or a moment's date in Japan): "令和8年11月23日"; "23 November 2026". */
  date(iso: string): string;
  /** "令和8年11月23日（2026-11-23）": officials read the era date, systems the ISO one. English: "23 November 2026". */
  officialDate(iso: string): string;
  /** A term either end of which may be open: "令和8年4月1日〜令和9年3月31日", "〜令和9年3月31日"; "1 April 2026 – 31 March 2027". */
  dateRange(from: string | null, to: string | null): string;
  /** "防災、観光、子育て"; "Disaster prevention, Tourism and Childcare". */
  list(items: readonly string[]): string;
  /** "1,741". */
  number(value: number): string;
}

function build(locale: Locale): Formatters {
  const tag = intlLocale[locale];
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone, ...dateTimeOptions[locale] });
  const minutes = new Intl.DateTimeFormat(tag, { timeZone, hour: "2-digit", minute: "2-digit" });
  const seconds = new Intl.DateTimeFormat(tag, { timeZone, hour: "numeric", minute: "2-digit", second: "2-digit" });
  const longDate = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: "long" });
  const list = new Intl.ListFormat(tag, { type: "conjunction" });
  const number = new Intl.NumberFormat(tag);
  const time = (iso: string, precision: "minute" | "second" = "minute") =>
    (precision === "second" ? seconds : minutes).format(new Date(iso));
  const date = locale === "ja" ? (iso: string) => formatWareki(iso) : (iso: string) => longDate.format(new Date(iso));
  const weekday = new Intl.DateTimeFormat(tag, { timeZone, weekday: "short" });
  // Japanese keeps its 〜 and the time alone; Intl's Japanese range would write 14時00分～16時00分.
  const meetingEn = new Intl.DateTimeFormat(tag, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  /** "令和9年5月10日（月）" of a moment, in Japan. */
  const dayJa = (iso: string) => `${formatWareki(tokyoIsoDate(new Date(iso)))}（${weekday.format(new Date(iso))}）`;
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    meeting:
      locale === "ja"
        ? (start, end) =>
            `${dayJa(start)}${time(start)}〜${tokyoIsoDate(new Date(start)) === tokyoIsoDate(new Date(end)) ? "" : dayJa(end)}${time(end)}`
        : (start, end) => meetingEn.formatRange(new Date(start), new Date(end)),
    time,
    date,
    officialDate: locale === "ja" ? (iso) => `${date(iso.slice(0, 10))}（${iso.slice(0, 10)}）` : date,
    dateRange: (from, to) => `${from ? date(from) : ""}${rangeSeparator[locale]}${to ? date(to) : ""}`,
    list: (items) => list.format(items),
    number: (value) => number.format(value),
  };
}

const cache = new Map<Locale, Formatters>();

/** The formatters of a locale, built once (Intl objects are costly to create). */
export function formatters(locale: Locale): Formatters {
  let found = cache.get(locale);
  if (!found) cache.set(locale, (found = build(locale)));
  return found;
}
