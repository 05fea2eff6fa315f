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
];
