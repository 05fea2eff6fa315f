import { describe, expect, it } from "vitest";
import { canCloseTheme, canCreateTheme, canEditTheme, canPublishTheme, canViewTheme, mayRunThemeLifecycle } from "./policy";

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
