// The results feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// projects of an agreement, yearly plans, KPIs and their figures. Test-only:
// collected by that test, imported by nothing else.
import { expect } from "vitest";
import { validKpi } from "~/test/api-inputs";
import { AGREEMENT_PARTIES, confidential, only, type CallOptions, type Endpoint, type IdItem } from "~/test/tenancy-matrix";

const projectPath = (id: string, rest = "", params: Record<string, string> = {}): CallOptions => ({
  path: `/api/v1/projects/${id}${rest}`,
  params: { id, ...params },
});
const kpiPath = (id: string, rest = ""): CallOptions => ({ path: `/api/v1/kpis/${id}${rest}`, params: { id } });
/** Those who run the project: X's desk and the lead department; the partner reads it. */
const RUNNERS = { deskAdminX: 200, deskStaffX: 200, departmentStaffX: 200, companyA: 403 };
const created = (statuses: Record<string, number>) =>
  Object.fromEntries(Object.entries(statuses).map(([c, s]) => [c, s === 200 ? 201 : s]));

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/agreements/:id/health",
    file: "api/agreement-health.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/agreements/${w.ids.activeAgreement}/health`, params: { id: w.ids.activeAgreement } }),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
    check: (body: { score: number | null }) => expect(body.score).toEqual(expect.any(Number)),
  },
  {
    name: "PUT /api/v1/agreements/:id/health/cadence",
    file: "api/agreement-cadence.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/agreements/${w.ids.activeAgreement}/health/cadence`,
      method: "PUT",
      json: { steeringMonths: 6, workingMonths: 3 },
      params: { id: w.ids.activeAgreement },
    }),
    // The owning desk; the department and the partner read the score.
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "GET /api/v1/agreements/:id/projects",
    file: "api/agreement-projects.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/agreements/${w.ids.activeAgreement}/projects`, params: { id: w.ids.activeAgreement } }),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
    check: (body: { projects: IdItem[] }, _c, w) => expect(body.projects.map((p) => p.id)).toContain(w.ids.project),
  },
  {
    name: "POST /api/v1/agreements/:id/projects",
    file: "api/agreement-projects.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({
      path: `/api/v1/agreements/${w.ids.activeAgreement}/projects`,
      method: "POST",
      json: { title: `${c.name} の事業`, itemIds: [w.ids.activeItem], leadDepartmentId: w.ids.departmentX },
      params: { id: w.ids.activeAgreement },
    }),
    // The desk under any item, the department under the item it carries; the partner reads.
    expected: confidential(created(RUNNERS)),
  },
  {
    name: "GET /api/v1/projects/:id",
    file: "api/project.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => projectPath(w.ids.project),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "PATCH /api/v1/projects/:id",
    file: "api/project.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...projectPath(w.ids.project), method: "PATCH", json: { status: "active" } }),
    expected: confidential(RUNNERS),
  },
  {
    name: "PUT /api/v1/projects/:id/plans/:fiscalYear",
    file: "api/project-plan.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({
      ...projectPath(w.ids.project, "/plans/2026", { fiscalYear: "2026" }),
      method: "PUT",
      json: { goals: `${c.name}: 実証区域で月100人の利用` },
    }),
    expected: confidential(RUNNERS),
  },
  {
    name: "POST /api/v1/projects/:id/kpis",
    file: "api/project-kpis.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({ ...projectPath(w.ids.project, "/kpis"), method: "POST", json: { ...validKpi, name: `${c.name} の指標` } }),
    expected: confidential(created(RUNNERS)),
  },
  {
    name: "GET /api/v1/kpis/:id",
    file: "api/kpi.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => kpiPath(w.ids.kpi),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "PATCH /api/v1/kpis/:id",
    file: "api/kpi.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({ ...kpiPath(w.ids.kpi), method: "PATCH", json: { ownerName: `${c.name} の担当` } }),
    expected: confidential(RUNNERS),
  },
  {
    name: "POST /api/v1/kpis/:id/measurements",
    file: "api/kpi-measurements.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...kpiPath(w.ids.kpi, "/measurements"), method: "POST", json: { periodStart: "2026-04-01", value: 42 } }),
    // Partners bring figures too.
    expected: confidential(only(AGREEMENT_PARTIES, 201)),
  },
];
