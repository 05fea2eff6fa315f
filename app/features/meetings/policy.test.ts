import { describe, expect, it } from "vitest";
import { canCompleteActionItem, canManageMeetings, isOverdue, needsMeetingReminder } from "./policy";
import { meetingInput, parseMeetingTime, toTokyoInputValue } from "./schema";

const X = "11111111-1111-4111-8111-111111111111";
const A = "22222222-2222-4222-8222-222222222222";
const scope = (role: string, organizationId: string) => ({ role, organizationId }) as never;

describe("meeting policy", () => {
  it("lets only the owning desk manage meetings, and every party complete action items", () => {
    expect(canManageMeetings(scope("desk_admin", X), { municipalityId: X })).toBe(true);
    expect(canManageMeetings(scope("desk_staff", X), { municipalityId: X })).toBe(true);
    expect(canManageMeetings(scope("department_staff", X), { municipalityId: X })).toBe(false);
    expect(canManageMeetings(scope("member", A), { municipalityId: X })).toBe(false);
    expect(canManageMeetings(null, { municipalityId: X })).toBe(false);
    expect(canCompleteActionItem(scope("member", A), [X, A])).toBe(true);
    expect(canCompleteActionItem(scope("department_staff", X), [X, A])).toBe(true);
    expect(canCompleteActionItem(scope("member", "33333333-3333-4333-8333-333333333333"), [X, A])).toBe(false);
  });

  it("counts an item overdue from the day after its due date, until it is done", () => {
    expect(isOverdue({ dueDate: "2027-05-10", doneAt: null }, "2027-05-10")).toBe(false);
    expect(isOverdue({ dueDate: "2027-05-10", doneAt: null }, "2027-05-11")).toBe(true);
    expect(isOverdue({ dueDate: "2027-05-10", doneAt: new Date() }, "2027-05-11")).toBe(false);
  });

  it("announces a meeting once, within the 24 hours before it starts", () => {
    const now = new Date("2027-05-10T00:00:00Z");
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
    expect(needsMeetingReminder({ startsAt: at(3), remindedAt: null }, now)).toBe(true);
    expect(needsMeetingReminder({ startsAt: at(24), remindedAt: null }, now)).toBe(true);
    expect(needsMeetingReminder({ startsAt: at(25), remindedAt: null }, now)).toBe(false);
    expect(needsMeetingReminder({ startsAt: at(-1), remindedAt: null }, now)).toBe(false);
    expect(needsMeetingReminder({ startsAt: at(3), remindedAt: now }, now)).toBe(false);
  });
});

describe("meeting times", () => {
  it("reads a time without an offset as Japan time, whatever the server's zone", () => {
    expect(parseMeetingTime("2027-05-10T14:00")?.toISOString()).toBe("2027-05-10T05:00:00.000Z");
    expect(parseMeetingTime("2027-05-10 09:30:15")?.toISOString()).toBe("2027-05-10T00:30:15.000Z");
    expect(parseMeetingTime("2027-05-10T14:00:00+09:00")?.toISOString()).toBe("2027-05-10T05:00:00.000Z");
    expect(parseMeetingTime("2027-05-10T05:00:00.5Z")?.toISOString()).toBe("2027-05-10T05:00:00.500Z");
    expect(parseMeetingTime("2027-05-09T22:00-07:00")?.toISOString()).toBe("2027-05-10T05:00:00.000Z");
    // Midnight in Tokyo is the previous day in UTC.
    expect(parseMeetingTime("2027-01-01T00:00")?.toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });

  it("refuses times that do not exist", () => {
    for (const bad of [
      "2027-02-29T10:00",
      "2027-13-01T10:00",
      "2027-05-10T24:00",
      "2027-05-10T10:60",
      "2027-05-10",
      "10:00",
      "2027-05-10T10:00+15:00",
      "明日の午後",
    ]) {
      expect(parseMeetingTime(bad), bad).toBeNull();
    }
    expect(parseMeetingTime("2028-02-29T10:00")).not.toBeNull();
  });

  it("refuses years outside 1900–2200 instead of reading 0050 as 1950 (issue 17)", () => {
    for (const bad of ["0050-05-10T10:00", "0000-01-01T10:00", "1899-12-31T10:00", "2201-01-01T10:00"]) {
      expect(parseMeetingTime(bad), bad).toBeNull();
    }
    expect(
      meetingInput.safeParse({ kind: "working", title: "会議", startsAt: new Date(Number.NaN), endsAt: "2027-05-10T15:30" }).success,
    ).toBe(false);
  });

  it("gives datetime-local inputs the Japan time back", () => {
    expect(toTokyoInputValue("2027-05-10T05:00:00.000Z")).toBe("2027-05-10T14:00");
    expect(toTokyoInputValue("2026-12-31T15:00:00.000Z")).toBe("2027-01-01T00:00");
  });

  it("validates a meeting with catalog keys for every field at once", () => {
    const result = meetingInput.safeParse({
      kind: "party",
      title: " ",
      startsAt: "2027-05-10T16:00",
      endsAt: "2027-05-10T14:00",
      onlineUrl: "javascript:alert(1)",
    });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({
      kind: "validation.invalidChoice",
      title: "validation.required",
      endsAt: "validation.periodOrder",
      onlineUrl: "validation.invalid",
    });
    const ok = meetingInput.parse({
      kind: "working",
      title: "第2回実務者会議",
      startsAt: "2027-05-10T14:00",
      endsAt: "2027-05-10T15:30",
      onlineUrl: "https://meet.example.jp/abc",
      place: "",
    });
    expect(ok.startsAt.toISOString()).toBe("2027-05-10T05:00:00.000Z");
    expect(ok.place).toBeUndefined();
  });
});
