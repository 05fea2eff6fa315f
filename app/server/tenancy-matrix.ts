// The tenancy-matrix rows of the service's own API routes, the ones app/routes.ts
// lists itself rather than through a feature: health and the OpenAPI document
// (described in server/openapi/paths/system.server.ts) and the api/* catch-all.
// Test-only: collected by app/routes/api/tenancy.test.ts, imported by nothing else.
import { statuses, type Endpoint } from "~/test/tenancy-matrix";

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/health",
    file: "api/health.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/health" }),
    expected: statuses(200),
  },
  // Public: the description of the API, the same for everyone (no identity is read).
  {
    name: "GET /api/v1/openapi.json",
    file: "api/openapi.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/openapi.json" }),
    expected: statuses(200),
  },
  {
    name: "GET /api/v1/nothing",
    file: "api/not-found.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/nothing" }),
    expected: statuses(404),
  },
  {
    name: "POST /api/v2/anything",
    file: "api/not-found.ts",
    handler: "action",
    request: () => ({ path: "/api/v2/anything", method: "POST", json: {} }),
    expected: statuses(404),
  },
];
