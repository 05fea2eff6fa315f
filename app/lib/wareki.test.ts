import { describe, it, expect } from "vitest";
import { formatWareki, formatWarekiYear, parseJapaneseDate, toTokyoCalendarDate, toWareki } from "./wareki";

describe("toWareki", () => {
  it("handles each era boundary (last day of the old era, first of the new)", () => {
    expect(toWareki("2019-04-30")).toEqual({ era: "平成", year: 31 });
    expect(toWareki("2019-05-01")).toEqual({ era: "令和", year: 1 });
    expect(toWareki("1989-01-07")).toEqual({ era: "昭和", year: 64 });
    expect(toWareki("1989-01-08")).toEqual({ era: "平成", year: 1 });
    expect(toWareki("1926-12-24")).toEqual({ era: "大正", year: 15 });
    expect(toWareki("1926-12-25")).toEqual({ era: "昭和", year: 1 });
    expect(toWareki("1912-07-29")).toEqual({ era: "明治", year: 45 });
    expect(toWareki("1912-07-30")).toEqual({ era: "大正", year: 1 });
    expect(toWareki("1868-01-25")).toEqual({ era: "明治", year: 1 });
  });

  it("counts years within an era", () => {
    expect(toWareki("2026-11-23")).toEqual({ era: "令和", year: 8 });
    expect(toWareki("2020-01-01")).toEqual({ era: "令和", year: 2 });
    expect(toWareki("2000-02-29")).toEqual({ era: "平成", year: 12 });
    expect(toWareki("1945-08-15")).toEqual({ era: "昭和", year: 20 });
  });

  it("throws RangeError before 明治", () => {
    expect(() => toWareki("1868-01-24")).toThrow(RangeError);
    expect(() => toWareki("1800-01-01")).toThrow(RangeError);
  });

  it("uses the Tokyo calendar date of a Date", () => {
    // 2019-04-30T15:00Z is 2019-05-01 00:00 in Tokyo.
    expect(toWareki(new Date("2019-04-30T15:00:00Z"))).toEqual({ era: "令和", year: 1 });
    expect(toWareki(new Date("2019-04-30T14:59:59.999Z"))).toEqual({ era: "平成", year: 31 });
    expect(toWareki(new Date("1989-01-07T15:00:00Z"))).toEqual({ era: "平成", year: 1 });
  });
});

describe("toTokyoCalendarDate", () => {
  it("takes a date-only string as that calendar date", () => {
    expect(toTokyoCalendarDate("2026-11-23")).toEqual({ year: 2026, month: 11, day: 23 });
    expect(toTokyoCalendarDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("converts Dates to UTC+9", () => {
    expect(toTokyoCalendarDate(new Date("2026-12-31T15:00:00Z"))).toEqual({ year: 2027, month: 1, day: 1 });
    expect(toTokyoCalendarDate(new Date("2026-12-31T14:59:59Z"))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(toTokyoCalendarDate(new Date(Date.UTC(2026, 6, 15, 0, 0)))).toEqual({ year: 2026, month: 7, day: 15 });
  });

  it("converts ISO timestamps with an offset", () => {
    expect(toTokyoCalendarDate("2026-03-31T15:00:00Z")).toEqual({ year: 2026, month: 4, day: 1 });
    expect(toTokyoCalendarDate("2026-04-01T00:30:00+09:00")).toEqual({ year: 2026, month: 4, day: 1 });
    expect(toTokyoCalendarDate("2026-03-31T23:30:00-05:00")).toEqual({ year: 2026, month: 4, day: 1 });
  });

  it("rejects invalid or ambiguous input", () => {
    expect(() => toTokyoCalendarDate("2026-02-29")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate("2026-13-01")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate("2026-04-31")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate("2026-00-10")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate("2026/11/23")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate("2026-11-23T10:00:00")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate("")).toThrow(RangeError);
    expect(() => toTokyoCalendarDate(new Date("nope"))).toThrow(RangeError);
  });
});

describe("formatWareki", () => {
  it("formats dates", () => {
    expect(formatWareki("2026-11-23")).toBe("令和8年11月23日");
    expect(formatWareki("2019-04-30")).toBe("平成31年4月30日");
    expect(formatWareki("1989-01-07")).toBe("昭和64年1月7日");
    expect(formatWareki(new Date("2026-11-22T15:00:00Z"))).toBe("令和8年11月23日");
  });

  it("writes year 1 as 元年", () => {
    expect(formatWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatWareki("1989-01-08")).toBe("平成元年1月8日");
    expect(formatWareki("1926-12-31")).toBe("昭和元年12月31日");
  });

  it("can write year 1 as a number", () => {
    expect(formatWareki("2019-05-01", { gannen: false })).toBe("令和1年5月1日");
    expect(formatWareki("2020-05-01", { gannen: false })).toBe("令和2年5月1日");
  });

  it("throws RangeError before 明治", () => {
    expect(() => formatWareki("1867-12-31")).toThrow(RangeError);
  });
});

describe("formatWarekiYear", () => {
  it("formats the era year", () => {
    expect(formatWarekiYear({ era: "令和", year: 1 })).toBe("令和元年");
    expect(formatWarekiYear({ era: "平成", year: 31 })).toBe("平成31年");
    expect(formatWarekiYear({ era: "令和", year: 1 }, { gannen: false })).toBe("令和1年");
  });
});

describe("parseJapaneseDate", () => {
  it.each([
    ["2023-04-01", "2023-04-01"],
    ["2023/4/1", "2023-04-01"],
    ["２０２３．４．１", "2023-04-01"],
    ["2023年4月1日", "2023-04-01"],
    ["令和5年4月1日", "2023-04-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["R5.4.1", "2023-04-01"],
    ["h31/4/30", "2019-04-30"],
    ["平成 30 年 10 月 11 日", "2018-10-11"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseJapaneseDate(text)).toBe(iso);
  });

  it.each(["", "2023-02-30", "令和0年1月1日", "平成32年1月1日", "令和1年4月30日", "明治1年1月1日", "4月1日", "2023-04-01T00:00", "来年度"])(
    "refuses %j",
    (text) => {
      expect(parseJapaneseDate(text)).toBeNull();
    },
  );
});
