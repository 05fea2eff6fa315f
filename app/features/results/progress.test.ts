import { describe, expect, it } from "vitest";
import { kpiStanding, overduePeriod, shareOfTarget, shareOfTime } from "./progress";

const participants = {
  baselineValue: 100,
  baselineOn: "2026-04-01",
  targetValue: 200,
  targetOn: "2027-04-01",
  direction: "increase" as const,
};
const medicalCost = {
  baselineValue: 50,
  baselineOn: "2026-04-01",
  targetValue: 40,
  targetOn: "2027-04-01",
  direction: "decrease" as const,
};

describe("KPI standing", () => {
  it("measures the way come from baseline to target, either direction", () => {
    expect(shareOfTarget(participants, 150)).toBe(0.5);
    expect(shareOfTarget(medicalCost, 45)).toBe(0.5);
    expect(shareOfTarget(medicalCost, 55)).toBe(-0.5);
  });

  it("measures the time passed, bounded by the term", () => {
    expect(shareOfTime(participants, "2026-03-01")).toBe(0);
    expect(shareOfTime(participants, "2026-10-01")).toBeCloseTo(183 / 365, 5);
    expect(shareOfTime(participants, "2028-01-01")).toBe(1);
  });

  it("says achieved, on track, behind or not measured", () => {
    expect(kpiStanding(participants, null)).toBe("no_data");
    expect(kpiStanding(participants, { value: 200, asOf: "2026-09-30" })).toBe("achieved");
    expect(kpiStanding(medicalCost, { value: 39, asOf: "2026-09-30" })).toBe("achieved");
    // Half the time gone, 45 % of the way: within the margin.
    expect(kpiStanding(participants, { value: 145, asOf: "2026-10-01" })).toBe("on_track");
    // Half the time gone, a quarter of the way.
    expect(kpiStanding(participants, { value: 125, asOf: "2026-10-01" })).toBe("behind");
    expect(kpiStanding(medicalCost, { value: 52, asOf: "2026-10-01" })).toBe("behind");
  });
});

describe("an overdue figure", () => {
  const monthly = { baselineOn: "2026-04-10", targetOn: "2027-03-31", frequency: "monthly" as const };

  it("is the last period due and not entered", () => {
    // On 1 July, May's figure is due (June's by the end of July).
    expect(overduePeriod(monthly, null, "2026-07-01")).toBe("2026-05-01");
    expect(overduePeriod(monthly, "2026-04-01", "2026-07-01")).toBe("2026-05-01");
    expect(overduePeriod(monthly, "2026-05-01", "2026-07-01")).toBe(null);
    expect(overduePeriod(monthly, "2026-06-01", "2026-07-01")).toBe(null);
  });

  it("is never before the first period nor after the target's", () => {
    expect(overduePeriod(monthly, null, "2026-05-20")).toBe(null);
    expect(overduePeriod(monthly, "2027-02-01", "2028-01-01")).toBe("2027-03-01");
    expect(overduePeriod(monthly, "2027-03-01", "2028-01-01")).toBe(null);
  });
});
