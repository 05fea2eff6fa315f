import { describe, expect, it } from "vitest";
import {
  fiscalQuarterOf,
  fiscalYearOfPeriod,
  isPeriodStart,
  lastDuePeriod,
  periodAfter,
  periodEnd,
  periodStartOf,
  periodsBetween,
} from "./periods";

describe("KPI periods", () => {
  it("finds the month, fiscal quarter and fiscal year a day falls in", () => {
    expect(periodStartOf("2026-05-20", "monthly")).toBe("2026-05-01");
    expect(periodStartOf("2026-05-20", "quarterly")).toBe("2026-04-01");
    expect(periodStartOf("2026-09-30", "quarterly")).toBe("2026-07-01");
    expect(periodStartOf("2027-02-10", "quarterly")).toBe("2027-01-01");
    expect(periodStartOf("2027-03-31", "yearly")).toBe("2026-04-01");
    expect(periodStartOf("2027-04-01", "yearly")).toBe("2027-04-01");
  });

  it("tells a period's first day from other days", () => {
    expect(isPeriodStart("2026-06-01", "monthly")).toBe(true);
    expect(isPeriodStart("2026-06-01", "quarterly")).toBe(false);
    expect(isPeriodStart("2026-10-01", "quarterly")).toBe(true);
    expect(isPeriodStart("2027-01-01", "yearly")).toBe(false);
    expect(isPeriodStart("2026-06-02", "monthly")).toBe(false);
  });

  it("steps through periods and knows their last day", () => {
    expect(periodAfter("2026-12-01", "monthly")).toBe("2027-01-01");
    expect(periodAfter("2027-01-01", "quarterly", -1)).toBe("2026-10-01");
    expect(periodEnd("2027-01-01", "quarterly")).toBe("2027-03-31");
    expect(periodEnd("2028-02-01", "monthly")).toBe("2028-02-29");
    expect(periodEnd("2026-04-01", "yearly")).toBe("2027-03-31");
    expect(periodsBetween("2026-05-15", "2027-01-01", "quarterly")).toEqual(["2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"]);
    expect(periodsBetween("2026-04-01", "2026-03-01", "monthly")).toEqual([]);
  });

  it("expects a period's figure by the end of the month after it", () => {
    // April's figure is due by the end of May: on 1 June, April is the last due month.
    expect(lastDuePeriod("2026-06-01", "monthly")).toBe("2026-04-01");
    expect(lastDuePeriod("2026-05-31", "monthly")).toBe("2026-03-01");
    // The first quarter (April–June) is due by the end of July.
    expect(lastDuePeriod("2026-07-31", "quarterly")).toBe("2026-01-01");
    expect(lastDuePeriod("2026-08-01", "quarterly")).toBe("2026-04-01");
    expect(lastDuePeriod("2027-05-01", "yearly")).toBe("2026-04-01");
    expect(lastDuePeriod("2027-04-30", "yearly")).toBe("2025-04-01");
  });

  it("names a period's fiscal year and quarter", () => {
    expect(fiscalYearOfPeriod("2027-02-01")).toBe(2026);
    expect(fiscalYearOfPeriod("2027-04-01")).toBe(2027);
    expect(fiscalQuarterOf("2026-04-01")).toBe(1);
    expect(fiscalQuarterOf("2027-01-01")).toBe(4);
  });
});
