// The notifications feature's pages and API (in-app notifications and the outbox (platform admin)), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const notificationsRoutes: RouteConfigEntry[] = [
  route("notifications", "routes/notifications/notifications.tsx"),
  route("admin/outbox", "routes/notifications/admin-outbox.tsx"),
  route("api/v1/notifications", "routes/api/notifications.ts"),
  route("api/v1/me/mail-preferences", "routes/api/mail-preferences.ts"),
];
