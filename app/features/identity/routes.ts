// The identity feature's pages and API (sign-in, sign-up, invitations, the organisation and its members, settings, API tokens, platform administration), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const identityRoutes: RouteConfigEntry[] = [
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("signup", "routes/signup.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("invitations/:token", "routes/invitation.tsx"),
  route("org", "routes/org.tsx"),
  route("org/switch", "routes/org-switch.tsx"),
  route("org/members", "routes/org-members.tsx"),
  route("settings", "routes/settings.tsx"),
  route("admin/organizations", "routes/admin-organizations.tsx"),
  route("admin/organizations/new", "routes/admin-organization-new.tsx"),
  route("api/v1/tokens", "routes/api/tokens.ts"),
  route("api/v1/me", "routes/api/me.ts"),
  route("api/v1/organizations", "routes/api/organizations.ts"),
];
