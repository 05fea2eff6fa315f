import { describe, expect, it } from "vitest";
import type { Role } from "~/lib/roles";
import {
  canCloseTheme,
  canCreateTheme,
  canEditTheme,
  canPickThemeDepartment,
  canPublishAndCloseThemes,
  canPublishTheme,
  canViewTheme,
  mayRunThemeLifecycle,
} from "./policy";
import { themeStatuses, type ThemeStatus } from "./schema";

const city = "city-1";
const desk = { role: "desk_admin", organizationId: city, departmentId: null, organizationKind: "municipality" } as const;
const deskStaff = { ...desk, role: "desk_staff" } as const;
const dept = { role: "department_staff", organizationId: city, departmentId: "dept-1", organizationKind: "municipality" } as const;
const otherDept = { ...dept, departmentId: "dept-2" } as const;
const otherCity = { ...desk, organizationId: "city-2" } as const;
const company = { role: "member", organizationId: "co-1", departmentId: null, organizationKind: "company" } as const;
const draft = { municipalityId: city, departmentId: "dept-1", status: "draft" } as const;
const published = { ...draft, status: "published" } as const;
const closed = { ...draft, status: "closed" } as const;

describe("theme policy", () => {
  it("hides drafts from everyone but the municipality's staff", () => {
    expect(canViewTheme(null, draft)).toBe(false);
    expect(canViewTheme(company, draft)).toBe(false);
    expect(canViewTheme(otherCity, draft)).toBe(false);
    expect(canViewTheme(dept, draft)).toBe(true);
    expect(canViewTheme(otherDept, draft)).toBe(true);
    expect(canViewTheme(null, published)).toBe(true);
    expect(canViewTheme(null, closed)).toBe(true);
  });

  it("lets municipal staff draft, but not partners", () => {
    expect(canCreateTheme(desk)).toBe(true);
    expect(canCreateTheme(dept)).toBe(true);
    expect(canCreateTheme(company)).toBe(false);
    expect(canCreateTheme({ ...company, role: "coordinator", organizationKind: "intermediary" })).toBe(false);
  });

  it("lets the desk edit any open call and a department only its own drafts", () => {
    expect(canEditTheme(desk, published)).toBe(true);
    expect(canEditTheme(deskStaff, draft)).toBe(true);
    expect(canEditTheme(dept, draft)).toBe(true);
    expect(canEditTheme(dept, published)).toBe(false);
    expect(canEditTheme(otherDept, draft)).toBe(false);
    expect(canEditTheme(otherCity, draft)).toBe(false);
    expect(canEditTheme(desk, closed)).toBe(false);
  });

  it("reserves publishing and closing for the desk", () => {
    expect(canPublishTheme(desk, draft)).toBe(true);
    expect(canPublishTheme(dept, draft)).toBe(false);
    expect(canPublishTheme(desk, published)).toBe(false);
    expect(canCloseTheme(deskStaff, published)).toBe(true);
    expect(canCloseTheme(dept, published)).toBe(false);
    expect(canCloseTheme(otherCity, published)).toBe(false);
    // Who may act does not depend on the status (403 before 409).
    for (const theme of [draft, published, closed]) {
      expect(mayRunThemeLifecycle(desk, theme)).toBe(true);
      expect(mayRunThemeLifecycle(dept, theme)).toBe(false);
    }
  });
});

// Every role (lib/roles.ts) × every status × each capability, as a table. The
// call is the city's, drafted for its department dept-1.
describe("theme policy: role × status × capability", () => {
  const person = (role: Role, organizationId: string, organizationKind: string, departmentId: string | null = null) => ({
    role,
    organizationId,
    organizationKind,
    departmentId,
  });
  const people = {
    anonymous: null,
    platformAdmin: person("platform_admin", "ops", "other"),
    deskAdmin: person("desk_admin", city, "municipality"),
    deskStaff: person("desk_staff", city, "municipality"),
    ownDepartment: person("department_staff", city, "municipality", "dept-1"),
    otherDepartment: person("department_staff", city, "municipality", "dept-2"),
    member: person("member", "co-1", "company"),
    coordinator: person("coordinator", "agency", "intermediary"),
    otherDesk: person("desk_admin", "pref", "prefecture"),
  };
  type Person = keyof typeof people;
  const columns = Object.keys(people) as Person[];
  const themeIn = (status: ThemeStatus) => ({ municipalityId: city, departmentId: "dept-1", status });
  const capabilities = { view: canViewTheme, edit: canEditTheme, publish: canPublishTheme, close: canCloseTheme };
  const ALL = themeStatuses;
  const NONE: readonly ThemeStatus[] = [];
  const table: [capability: keyof typeof capabilities, ...allowedIn: (readonly ThemeStatus[])[]][] = [
    //          anonymous                platformAdmin            deskAdmin               deskStaff               ownDepartment otherDepartment member                   coordinator              otherDesk
    [
      "view",
      ["published", "closed"],
      ["published", "closed"],
      ALL,
      ALL,
      ALL,
      ALL,
      ["published", "closed"],
      ["published", "closed"],
      ["published", "closed"],
    ],
    ["edit", NONE, NONE, ["draft", "published"], ["draft", "published"], ["draft"], NONE, NONE, NONE, NONE],
    ["publish", NONE, NONE, ["draft"], ["draft"], NONE, NONE, NONE, NONE, NONE],
    ["close", NONE, NONE, ["published"], ["published"], NONE, NONE, NONE, NONE, NONE],
  ];

  it.each(table.flatMap(([capability, ...cells]) => columns.map((who, i) => ({ capability, who, allowedIn: cells[i]! }))))(
    "$who may $capability in $allowedIn",
    ({ capability, who, allowedIn }) => {
      expect(themeStatuses.filter((status) => capabilities[capability](people[who], themeIn(status)))).toEqual([...allowedIn]);
    },
  );

  const byRole: [question: string, answer: (s: NonNullable<(typeof people)[Person]>) => boolean, ...answers: (boolean | null)[]][] = [
    //                                                        anonymous platformAdmin deskAdmin deskStaff ownDepartment otherDepartment member coordinator otherDesk
    ["drafts calls", canCreateTheme, null, false, true, true, true, true, false, false, true],
    ["picks the call's department", canPickThemeDepartment, null, true, true, true, false, false, true, true, true],
    ["publishes and closes calls", canPublishAndCloseThemes, null, false, true, true, false, false, false, false, true],
  ];

  it.each(
    byRole.flatMap(([question, answer, ...answers]) =>
      columns.flatMap((who, i) => (people[who] ? [{ question, answer, who, expected: answers[i] }] : [])),
    ),
  )("$who $question: $expected", ({ answer, who, expected }) => {
    expect(answer(people[who]!)).toBe(expected);
  });
});
