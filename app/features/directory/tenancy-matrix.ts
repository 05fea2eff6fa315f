// The directory feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// the national list of local governments. Test-only: collected by that test, imported by nothing else.
import { statuses, type Endpoint } from "~/test/tenancy-matrix";

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/municipalities",
    file: "api/municipalities.ts",
    handler: "loader",
    request: () => ({ path: `/api/v1/municipalities?q=${encodeURIComponent("守口")}` }),
    expected: statuses(200),
  },
];
