import { describe, it, expect } from "vitest";
import { fiscalYearOf, fiscalYearRange, formatFiscalYear } from "./fiscal-year";

describe("fiscalYearOf", () => {
  it("switches on 1 April", () => {
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
    expect(fiscalYearOf("2026-12-31")).toBe(2026);
    expect(fiscalYearOf("2027-01-01")).toBe(2026);
  });

  it("uses the Tokyo date of a Date", () => {
    // 2026-03-31T15:00Z is already 1 April in Tokyo.
    expect(fiscalYearOf(new Date("2026-03-31T15:00:00Z"))).toBe(2026);
    expect(fiscalYearOf(new Date("2026-03-31T14:59:59Z"))).toBe(2025);
  });

  it("rejects invalid dates", () => {
    expect(() => fiscalYearOf("2026-02-30")).toThrow(RangeError);
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("fiscalYearRange", () => {
  it("runs from 1 April to 31 March", () => {
    expect(fiscalYearRange(2026)).toEqual({ start: "2026-04-01", end: "2027-03-31" });
    expect(fiscalYearRange(2019)).toEqual({ start: "2019-04-01", end: "2020-03-31" });
  });

  it("round-trips with fiscalYearOf", () => {
    const { start, end } = fiscalYearRange(2030);
    expect(fiscalYearOf(start)).toBe(2030);
    expect(fiscalYearOf(end)).toBe(2030);
  });

  it("rejects non-integer or out-of-range years", () => {
    expect(() => fiscalYearRange(2026.5)).toThrow(RangeError);
    expect(() => fiscalYearRange(Number.NaN)).toThrow(RangeError);
    expect(() => fiscalYearRange(999)).toThrow(RangeError);
    expect(() => fiscalYearRange(9999)).toThrow(RangeError);
  });
});

describe("formatFiscalYear", () => {
  it("names the year by the era of 1 April", () => {
    expect(formatFiscalYear(2026)).toBe("令和8年度");
    expect(formatFiscalYear(2020)).toBe("令和2年度");
    expect(formatFiscalYear(2018)).toBe("平成30年度");
    expect(formatFiscalYear(1989)).toBe("平成元年度");
    // 平成 began on 1989-01-08, inside FY1988, which stays 昭和63年度.
    expect(formatFiscalYear(1988)).toBe("昭和63年度");
  });

  it("calls FY2019 令和元年度, not 平成31年度", () => {
    expect(formatFiscalYear(2019)).toBe("令和元年度");
    expect(formatFiscalYear(2019, { gannen: false })).toBe("令和1年度");
  });

  it("throws before 明治", () => {
    expect(() => formatFiscalYear(1867)).toThrow(RangeError);
    expect(formatFiscalYear(1868)).toBe("明治元年度");
  });
});
