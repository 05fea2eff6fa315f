// The directory feature's pages and API (the national list of local governments), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const directoryRoutes: RouteConfigEntry[] = [
  route("municipalities", "routes/directory/municipalities.tsx"),
  route("api/v1/municipalities", "routes/api/municipalities.ts"),
];
