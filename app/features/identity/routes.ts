// The identity feature's pages and API (sign-in, sign-up, invitations, the organisation and its members, settings, API tokens, platform administration), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const identityRoutes: RouteConfigEntry[] = [
  route("login", "routes/identity/login.tsx"),
  route("logout", "routes/identity/logout.tsx"),
  route("signup", "routes/identity/signup.tsx"),
  route("forgot-password", "routes/identity/forgot-password.tsx"),
  route("reset-password", "routes/identity/reset-password.tsx"),
  route("invitations/:token", "routes/identity/invitation.tsx"),
  route("org", "routes/identity/org.tsx"),
  route("org/switch", "routes/identity/org-switch.tsx"),
  route("org/members", "routes/identity/org-members.tsx"),
  route("org/members/:id", "routes/identity/org-member.tsx"),
  route("settings", "routes/identity/settings.tsx"),
  route("admin/organizations", "routes/identity/admin-organizations.tsx"),
  route("admin/organizations/new", "routes/identity/admin-organization-new.tsx"),
  route("admin/organizations/:id/edit", "routes/identity/admin-organization-edit.tsx"),
  route("api/v1/tokens", "routes/api/tokens.ts"),
  route("api/v1/me", "routes/api/me.ts"),
  route("api/v1/organizations", "routes/api/organizations.ts"),
  route("api/v1/organizations/:id", "routes/api/organization.ts"),
  route("api/v1/members", "routes/api/members.ts"),
  route("api/v1/memberships/:id", "routes/api/membership.ts"),
];
