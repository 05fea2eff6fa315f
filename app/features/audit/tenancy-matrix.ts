// The audit feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// the audit log. Test-only: collected by that test, imported by nothing else.
import { expect } from "vitest";
import { protectedFor, type AuditItem, type CallerName, type Endpoint } from "~/test/tenancy-matrix";

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/audit",
    file: "api/audit.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/audit?limit=200" }),
    expected: protectedFor({ deskAdminX: 200, deskAdminY: 200, platformAdmin: 200 }),
    // A desk reads its own municipality's log only; the platform admin reads both.
    check: (body: { items: AuditItem[] }, caller, w) => {
      const names = body.items.map((e) => e.after?.name);
      expect({ X: names.includes("X交通政策課"), Y: names.includes("Y環境対策課") }, "whose departments it sees").toEqual({
        X: caller.name !== "deskAdminY",
        Y: caller.name !== "deskAdminX",
      });
      const organizations = [...new Set(body.items.map((e) => e.organizationId))];
      const own: Partial<Record<CallerName, string[]>> = { deskAdminX: [w.orgs.municipalityX], deskAdminY: [w.orgs.municipalityY] };
      expect(organizations, "whose log it reads").toEqual(
        own[caller.name] ?? expect.arrayContaining([w.orgs.municipalityX, w.orgs.municipalityY]),
      );
    },
  },
  {
    name: "GET /api/v1/audit/export.csv",
    file: "api/audit-export.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/audit/export.csv" }),
    expected: protectedFor({ deskAdminX: 200, deskAdminY: 200, platformAdmin: 200 }),
  },
];
