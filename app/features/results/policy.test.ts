import { describe, expect, it } from "vitest";
import { canCreateProject, canManageProject, canRecordMeasurement, canTakeItems } from "./policy";

const X = "11111111-1111-4111-8111-111111111111";
const A = "22222222-2222-4222-8222-222222222222";
const OTHER = "33333333-3333-4333-8333-333333333333";
const TRANSPORT = "44444444-4444-4444-8444-444444444444";
const WELFARE = "55555555-5555-4555-8555-555555555555";
const scope = (role: string, organizationId: string, departmentId: string | null = null) =>
  ({ role, organizationId, departmentId }) as never;
const active = { municipalityId: X, status: "active" as const };
const project = { leadDepartmentId: TRANSPORT };

const callers = {
  desk: scope("desk_admin", X),
  deskStaff: scope("desk_staff", X),
  transport: scope("department_staff", X, TRANSPORT),
  welfare: scope("department_staff", X, WELFARE),
  partner: scope("member", A),
  coordinator: scope("coordinator", A),
  outsider: scope("member", OTHER),
  otherDesk: scope("desk_admin", OTHER),
} as const;

describe("results policy, role by role", () => {
  it.each([
    // caller, create (items of transport and welfare), take the transport item, manage, record
    ["desk", true, true, true, true],
    ["deskStaff", true, true, true, true],
    ["transport", true, true, true, true],
    ["welfare", true, false, false, false],
    ["partner", false, false, false, true],
    ["coordinator", false, false, false, true],
    ["outsider", false, false, false, false],
    ["otherDesk", false, false, false, false],
  ] as const)("%s: create %s, take %s, manage %s, record %s", (who, create, take, manage, record) => {
    const s = callers[who];
    expect(canCreateProject(s, active, [TRANSPORT, WELFARE])).toBe(create);
    expect(canTakeItems(s, active, [TRANSPORT])).toBe(take);
    expect(canManageProject(s, active, project)).toBe(manage);
    expect(canRecordMeasurement(s, active, project, [X, A])).toBe(record);
  });

  it.each(["draft", "internal_approval", "ended", "terminated"] as const)("runs no project while the agreement is %s", (status) => {
    const a = { municipalityId: X, status };
    expect(canCreateProject(callers.desk, a, [TRANSPORT])).toBe(false);
    expect(canManageProject(callers.desk, a, project)).toBe(false);
    expect(canRecordMeasurement(callers.partner, a, project, [X, A])).toBe(false);
  });

  it("lets a department take several items only when it carries all of them", () => {
    expect(canTakeItems(callers.transport, active, [TRANSPORT, TRANSPORT])).toBe(true);
    expect(canTakeItems(callers.transport, active, [TRANSPORT, null])).toBe(false);
    expect(canTakeItems(callers.transport, active, [])).toBe(false);
    expect(canTakeItems(callers.desk, active, [null])).toBe(true);
  });
});
