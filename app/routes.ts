// The route table: the app shell's own routes, then each feature's
// (features/<name>/routes.ts), then the catch-alls. React Router ranks routes by
// how specific their paths are, so the order of the lists does not matter.
import { type RouteConfig, index, route } from "@react-router/dev/routes";
import { identityRoutes } from "./features/identity/routes";
import { directoryRoutes } from "./features/directory/routes";
import { themesRoutes } from "./features/themes/routes";
import { proposalsRoutes } from "./features/proposals/routes";
import { agreementsRoutes } from "./features/agreements/routes";
import { meetingsRoutes } from "./features/meetings/routes";
import { resultsRoutes } from "./features/results/routes";
import { auditRoutes } from "./features/audit/routes";
import { notificationsRoutes } from "./features/notifications/routes";

export default [
  index("routes/home.tsx"),
  route("locale", "routes/locale.tsx"),
  route("developers/api", "routes/developers-api.tsx"),
  route("api/v1/health", "routes/api/health.ts"),
  route("api/v1/openapi.json", "routes/api/openapi.ts"),
  ...identityRoutes,
  ...directoryRoutes,
  ...themesRoutes,
  ...proposalsRoutes,
  ...agreementsRoutes,
  ...meetingsRoutes,
  ...resultsRoutes,
  ...auditRoutes,
  ...notificationsRoutes,
  route("api/*", "routes/api/not-found.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
