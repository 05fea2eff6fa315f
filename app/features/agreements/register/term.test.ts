import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, defaultRenewedEnd, renewedTerm, termEnd, termMonths } from "./term";

describe("agreement terms", () => {
  it("counts calendar days between dates, across month and leap-year ends, and back", () => {
    expect(daysBetween("2026-12-05", "2027-06-03")).toBe(180);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-03-31", "2027-03-01")).toBe(-30);
    expect(addDays("2026-12-05", daysBetween("2026-12-05", "2031-04-01"))).toBe("2031-04-01");
  });

  it("ends a period on the day before the same day, or on the month's last day (民法143条)", () => {
    expect(termEnd("2027-04-01", 36)).toBe("2030-03-31");
    expect(termEnd("2024-12-01", 36)).toBe("2027-11-30");
    expect(termEnd("2027-01-31", 1)).toBe("2027-02-28");
    expect(termEnd("2024-02-29", 36)).toBe("2027-02-28");
    expect(termEnd("2027-03-01", 12)).toBe("2028-02-29");
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2027-08-30", -3)).toBe("2027-05-30");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("counts whole months of a term, and nothing else", () => {
    expect(termMonths("2027-04-01", "2030-03-31")).toBe(36);
    expect(termMonths("2024-02-29", "2027-02-28")).toBe(36);
    expect(termMonths("2027-01-31", "2027-02-28")).toBe(1);
    expect(termMonths("2027-04-01", "2030-03-30")).toBeNull();
  });

  it("renews for the renewal period, else for as long as the term ran, from the day after its end", () => {
    expect(defaultRenewedEnd({ startsOn: "2027-04-01", endsOn: "2030-03-31", renewalYears: 1, objectionDeadline: "2029-12-31" })).toBe(
      "2031-03-31",
    );
    expect(defaultRenewedEnd({ startsOn: "2027-04-01", endsOn: "2030-03-31", renewalYears: null, objectionDeadline: null })).toBe(
      "2033-03-31",
    );
    expect(defaultRenewedEnd({ startsOn: "2027-04-10", endsOn: "2027-06-09", renewalYears: null, objectionDeadline: null })).toBe(
      "2027-08-09",
    );
    expect(defaultRenewedEnd({ startsOn: "2027-04-10", endsOn: "2027-06-08", renewalYears: null, objectionDeadline: null })).toBe(
      "2027-08-07",
    );
    expect(defaultRenewedEnd({ startsOn: null, endsOn: null, renewalYears: 1, objectionDeadline: null })).toBeNull();
    expect(defaultRenewedEnd({ startsOn: null, endsOn: "2030-03-31", renewalYears: null, objectionDeadline: null })).toBeNull();
  });

  it("moves the objection deadline with the end", () => {
    const term = { startsOn: "2024-12-01", endsOn: "2027-11-30", renewalYears: 1, objectionDeadline: "2027-08-30" };
    expect(renewedTerm(term)).toEqual({ endsOn: "2028-11-30", objectionDeadline: "2028-08-30" });
    expect(renewedTerm(term, "2030-11-30")).toEqual({ endsOn: "2030-11-30", objectionDeadline: "2030-08-30" });
    expect(renewedTerm(term, "2028-12-15")).toEqual({ endsOn: "2028-12-15", objectionDeadline: "2028-09-14" });
    expect(renewedTerm({ ...term, objectionDeadline: null })).toEqual({ endsOn: "2028-11-30", objectionDeadline: null });
    expect(renewedTerm({ startsOn: null, endsOn: null, renewalYears: null, objectionDeadline: null })).toBeNull();
  });
});
