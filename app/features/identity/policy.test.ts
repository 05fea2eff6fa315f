import { describe, expect, it } from "vitest";
import { organizationKinds, type Role } from "~/lib/roles";
import {
  canAddDepartment,
  canCreateOrganization,
  canInvite,
  canListMembers,
  canManageOrganizations,
  canPlaceOrganizationUnder,
  invitableRoles,
} from "./policy";

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

// Every role (lib/roles.ts), in the kind of organisation it belongs to, as a table.
describe("identity policy by role", () => {
  const person = (role: Role, organizationKind: string) => ({ role, organizationKind, organizationId: "own" });
  const people = {
    platformAdmin: person("platform_admin", "other"),
    deskAdmin: person("desk_admin", "municipality"),
    prefectureDeskAdmin: person("desk_admin", "prefecture"),
    deskStaff: person("desk_staff", "municipality"),
    departmentStaff: person("department_staff", "municipality"),
    member: person("member", "company"),
    coordinator: person("coordinator", "intermediary"),
  };
  type Person = keyof typeof people;
  const columns = Object.keys(people) as Person[];
  const registrableKinds = (s: (typeof people)[Person]) => organizationKinds.filter((kind) => canCreateOrganization(s, kind));
  const placesUnderAnother = (s: (typeof people)[Person]) => canPlaceOrganizationUnder(s, "elsewhere");
  const placesUnderOwn = (s: (typeof people)[Person]) => canPlaceOrganizationUnder(s, "own");
  const CITY_STAFF = ["desk_admin", "desk_staff", "department_staff"];
  const byRole: [question: string, answer: (s: (typeof people)[Person]) => unknown, ...answers: unknown[]][] = [
    //                                                                 platformAdmin                 deskAdmin       prefectureDeskAdmin deskStaff departmentStaff member      coordinator
    ["invites", invitableRoles, ["platform_admin", "member"], CITY_STAFF, CITY_STAFF, [], [], ["member"], ["coordinator", "member"]],
    ["registers organisations of the kinds", registrableKinds, [...organizationKinds], ["department"], ["department"], [], [], [], []],
    ["places an organisation under another's", placesUnderAnother, true, false, false, true, true, true, true],
    ["places an organisation under its own", placesUnderOwn, true, true, true, true, true, true, true],
    ["adds departments", canAddDepartment, false, true, true, false, false, false, false],
    ["manages the organisation register", canManageOrganizations, true, false, false, false, false, false, false],
    ["lists the organisation's members", canListMembers, true, true, true, true, false, true, true],
  ];

  it.each(byRole.flatMap(([question, answer, ...answers]) => columns.map((who, i) => ({ question, answer, who, expected: answers[i] }))))(
    "$who $question: $expected",
    ({ answer, who, expected }) => {
      expect(answer(people[who])).toEqual(expected);
    },
  );
});
