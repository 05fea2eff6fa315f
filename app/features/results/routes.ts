// The results feature's pages and API (projects of an agreement, yearly plans, KPIs and their figures), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const resultsRoutes: RouteConfigEntry[] = [
  route("agreements/:id/projects/new", "routes/results/project-new.tsx"),
  route("projects/:id", "routes/results/project.tsx"),
  route("projects/:id/kpis/new", "routes/results/kpi-new.tsx"),
  route("kpis/:id", "routes/results/kpi.tsx"),
  route("agreements/:id/health", "routes/results/agreement-health.tsx"),
  route("api/v1/agreements/:id/projects", "routes/api/agreement-projects.ts"),
  route("api/v1/agreements/:id/health", "routes/api/agreement-health.ts"),
  route("api/v1/agreements/:id/health/cadence", "routes/api/agreement-cadence.ts"),
  route("api/v1/projects/:id", "routes/api/project.ts"),
  route("api/v1/projects/:id/plans/:fiscalYear", "routes/api/project-plan.ts"),
  route("api/v1/projects/:id/kpis", "routes/api/project-kpis.ts"),
  route("api/v1/kpis/:id", "routes/api/kpi.ts"),
  route("api/v1/kpis/:id/measurements", "routes/api/kpi-measurements.ts"),
];
