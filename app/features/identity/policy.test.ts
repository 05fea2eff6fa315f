import { describe, expect, it } from "vitest";
import { canCreateOrganization, canInvite, canListMembers, invitableRoles } from "./policy";

describe("identity policy", () => {
  it("lets a desk admin invite desk and department staff, never partners or platform admins", () => {
    const desk = { role: "desk_admin", organizationKind: "municipality" } as const;
    expect(invitableRoles(desk)).toEqual(["desk_admin", "desk_staff", "department_staff"]);
    expect(canInvite(desk, "member")).toBe(false);
    expect(canInvite(desk, "platform_admin")).toBe(false);
  });

  it("gives desk staff and department staff no invitation rights", () => {
    expect(invitableRoles({ role: "desk_staff", organizationKind: "municipality" })).toEqual([]);
    expect(invitableRoles({ role: "department_staff", organizationKind: "municipality" })).toEqual([]);
  });

  it("lets company members invite colleagues as members only", () => {
    expect(invitableRoles({ role: "member", organizationKind: "company" })).toEqual(["member"]);
    expect(invitableRoles({ role: "coordinator", organizationKind: "intermediary" })).toEqual(["coordinator", "member"]);
  });

  it("limits organisation creation", () => {
    expect(canCreateOrganization({ role: "platform_admin", organizationKind: "other" }, "municipality")).toBe(true);
    expect(canCreateOrganization({ role: "desk_admin", organizationKind: "municipality" }, "department")).toBe(true);
    expect(canCreateOrganization({ role: "desk_admin", organizationKind: "municipality" }, "company")).toBe(false);
    expect(canCreateOrganization({ role: "member", organizationKind: "company" }, "department")).toBe(false);
  });

  it("hides the member list from department staff", () => {
    expect(canListMembers({ role: "department_staff", organizationKind: "municipality" })).toBe(false);
    expect(canListMembers({ role: "member", organizationKind: "company" })).toBe(true);
  });
});
