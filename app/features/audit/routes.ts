// The audit feature's pages and API (the audit log), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const auditRoutes: RouteConfigEntry[] = [
  route("audit", "routes/audit/audit.tsx"),
  route("audit/export.csv", "routes/api/audit-export.ts", { id: "audit-export-csv" }),
  route("api/v1/audit", "routes/api/audit.ts"),
  route("api/v1/audit/export.csv", "routes/api/audit-export.ts", { id: "api-audit-export-csv" }),
];
