// The identity feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// tokens, /me and organisations. Test-only: collected by that test, imported by nothing else.
import { expect } from "vitest";
import { TEST_PASSWORD } from "~/test/factories";
import { only, protectedFor, statuses, UNAUTHENTICATED, type Endpoint } from "~/test/tenancy-matrix";

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/tokens",
    file: "api/tokens.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/tokens" }),
    expected: statuses(404),
  },
  {
    name: "POST /api/v1/tokens (own credentials)",
    file: "api/tokens.ts",
    handler: "action",
    request: (c) => ({ path: "/api/v1/tokens", method: "POST", json: { email: c.email ?? "nobody@example.jp", password: TEST_PASSWORD } }),
    expected: statuses(201, { anonymous: 401, invalidToken: 401 }),
  },
  {
    name: "PUT /api/v1/tokens",
    file: "api/tokens.ts",
    handler: "action",
    request: () => ({ path: "/api/v1/tokens", method: "PUT", json: {} }),
    expected: statuses(404),
  },
  {
    name: "GET /api/v1/me",
    file: "api/me.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/me" }),
    expected: statuses(200, only(UNAUTHENTICATED, 401)),
    check: (body: { user: { id: string }; memberships: { membershipId: string; organizationId: string }[] }, caller) => {
      expect(body.user.id).toBe(caller.userId);
      expect(body.memberships.map((m) => m.membershipId).sort()).toEqual([...caller.membershipIds].sort());
      expect(body.memberships.map((m) => m.organizationId).sort()).toEqual([...caller.organizationIds].sort());
    },
  },
  {
    name: "GET /api/v1/organizations",
    file: "api/organizations.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/organizations?limit=100" }),
    expected: protectedFor({ platformAdmin: 200 }),
  },
  {
    name: "POST /api/v1/organizations (a department of X)",
    file: "api/organizations.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({
      path: "/api/v1/organizations",
      method: "POST",
      json: { kind: "department", name: `${c.name}課`, parentId: w.orgs.municipalityX },
    }),
    expected: protectedFor({ deskAdminX: 201, platformAdmin: 201, deskAdminY: 422 }),
  },
  {
    name: "DELETE /api/v1/organizations",
    file: "api/organizations.ts",
    handler: "action",
    request: () => ({ path: "/api/v1/organizations", method: "DELETE" }),
    expected: statuses(404),
  },
  {
    name: "GET /api/v1/members",
    file: "api/members.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/members" }),
    // Every member reads their own organisation's members; department staff do not.
    expected: statuses(200, { ...only(UNAUTHENTICATED, 401), noMembership: 403, departmentStaffX: 403 }),
    check: (body: { members: { userId: string }[] }, caller) => {
      expect(body.members.map((m) => m.userId)).toContain(caller.userId);
    },
  },
  {
    name: "PATCH /api/v1/memberships/:id (departmentStaffX's, unchanged)",
    file: "api/membership.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/memberships/${w.callers.departmentStaffX.membershipIds[0]}`,
      method: "PATCH",
      json: { role: "department_staff", departmentId: w.ids.departmentX },
      params: { id: w.callers.departmentStaffX.membershipIds[0]! },
    }),
    // X's desk admin manages X's staff; X's staff manage nobody, not even themselves; other organisations' members never hear of it.
    expected: statuses(404, { ...only(UNAUTHENTICATED, 401), noMembership: 403, deskAdminX: 200, deskStaffX: 403, departmentStaffX: 403 }),
  },
  {
    name: "DELETE /api/v1/memberships/:id (no such membership)",
    file: "api/membership.ts",
    handler: "action",
    identifies: true,
    request: () => ({
      path: "/api/v1/memberships/00000000-0000-4000-8000-000000000000",
      method: "DELETE",
      params: { id: "00000000-0000-4000-8000-000000000000" },
    }),
    expected: statuses(404, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
  },
  {
    name: "GET /api/v1/organizations/:id (companyA)",
    file: "api/organization.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/organizations/${w.orgs.companyA}`, params: { id: w.orgs.companyA } }),
    expected: protectedFor({ platformAdmin: 200 }),
  },
  {
    name: "PATCH /api/v1/organizations/:id (companyA, without a name)",
    file: "api/organization.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/organizations/${w.orgs.companyA}`,
      method: "PATCH",
      json: { name: "", fields: [] },
      params: { id: w.orgs.companyA },
    }),
    // Only the platform admin corrects organisations (and is told what is missing); the organisation's own members do not.
    expected: protectedFor({ platformAdmin: 422 }),
  },
];
