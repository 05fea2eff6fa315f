// Each health factor on its own, with fixed dates (issue 21).
import { describe, expect, it } from "vitest";
import { healthFactors, healthScore, healthWeights, topReason, type HealthFactorCode, type HealthInputs } from "./factors";

/** A healthy agreement on 2027-06-01: met recently, every item started, KPIs current, contacts complete, public. */
const healthy: HealthInputs = {
  today: "2027-06-01",
  status: "active",
  signedOn: "2026-04-01",
  endsOn: "2029-03-31",
  objectionDeadline: null,
  published: true,
  cadence: { steeringMonths: 12, workingMonths: 3 },
  lastSteering: "2027-05-10",
  lastWorking: "2027-04-20",
  items: 4,
  itemsWithoutProject: 0,
  kpis: 3,
  kpisOverdue: 0,
  parties: 2,
  partiesMissingContact: 0,
  changesWithoutHandover: 0,
  overdueActionItems: 0,
};
const lost = (inputs: Partial<HealthInputs>, code: HealthFactorCode) =>
  healthFactors({ ...healthy, ...inputs }).find((f) => f.code === code)!;

describe("agreement health", () => {
  it("weighs ten factors to 100 and scores a healthy agreement 100", () => {
    expect(Object.values(healthWeights).reduce((a, b) => a + b, 0)).toBe(100);
    const factors = healthFactors(healthy);
    expect(factors.map((f) => f.points)).toEqual(factors.map(() => 0));
    expect(healthScore(factors)).toBe(100);
    expect(topReason(factors)).toBeNull();
  });

  it("loses the meeting factors past their cadence, all of them at twice the cadence", () => {
    // 92 days after the last working meeting: just past a quarter (91.25 days).
    expect(lost({ lastWorking: "2027-03-01" }, "working")).toMatchObject({ value: 92, points: 0.1 });
    expect(lost({ lastWorking: "2027-01-15" }, "working")).toMatchObject({ value: 137, points: 7.5 });
    expect(lost({ lastWorking: "2026-10-01" }, "working")).toMatchObject({ value: 243, points: 15 });
    // Never met: counted from signing.
    expect(lost({ lastSteering: null }, "steering")).toMatchObject({ value: 426, points: 2.5 });
    // A quarterly steering meeting is expected by the agreement's own cadence.
    expect(lost({ cadence: { steeringMonths: 6, workingMonths: 3 }, lastSteering: "2026-09-01" }, "steering")).toMatchObject({
      value: 273,
      points: 7.4,
    });
  });

  it("counts items without a project, an agreement without items in full", () => {
    expect(lost({ itemsWithoutProject: 1 }, "itemsWithoutProject")).toMatchObject({ value: 1, points: 2.5 });
    expect(lost({ items: 0, itemsWithoutProject: 0 }, "itemsWithoutProject").points).toBe(10);
  });

  it("loses all for no KPI, and a share for KPIs whose figures are overdue", () => {
    expect(lost({ kpis: 0 }, "noKpi").points).toBe(10);
    expect(lost({ kpisOverdue: 1 }, "kpiOverdue").points).toBe(3.3);
    expect(lost({ kpis: 0, kpisOverdue: 0 }, "kpiOverdue").points).toBe(0);
  });

  it("counts parties without a primary or secondary contact, and a change without a handover", () => {
    expect(lost({ partiesMissingContact: 1 }, "contacts").points).toBe(5);
    expect(lost({ changesWithoutHandover: 2 }, "handover")).toMatchObject({ value: 2, points: 5 });
  });

  it("loses a third of the action-item factor per overdue item, up to three", () => {
    expect(lost({ overdueActionItems: 1 }, "actionItems").points).toBe(3.3);
    expect(lost({ overdueActionItems: 5 }, "actionItems").points).toBe(10);
  });

  it("wants a review within 90 days of the end or the objection deadline, unless it has started", () => {
    expect(lost({ endsOn: "2027-08-30" }, "renewalReview")).toMatchObject({ value: 90, points: 10 });
    expect(lost({ endsOn: "2027-08-31" }, "renewalReview").points).toBe(0);
    expect(lost({ endsOn: "2027-08-30", status: "renewal_review" }, "renewalReview").points).toBe(0);
    expect(lost({ objectionDeadline: "2027-07-01" }, "renewalReview").points).toBe(10);
    expect(lost({ objectionDeadline: "2027-05-01" }, "renewalReview").points).toBe(0);
  });

  it("wants the agreement published once 90 days have passed since signing", () => {
    expect(lost({ published: false }, "publicity").points).toBe(5);
    expect(lost({ published: false, signedOn: "2027-04-01" }, "publicity").points).toBe(0);
  });

  it("adds up, and names the costliest factor", () => {
    const factors = healthFactors({ ...healthy, kpis: 0, kpisOverdue: 0, lastWorking: "2026-10-01", published: false });
    expect(healthScore(factors)).toBe(70);
    expect(topReason(factors)?.code).toBe("working");
  });
});
