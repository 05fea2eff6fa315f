import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("signup", "routes/signup.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("invitations/:token", "routes/invitation.tsx"),
  route("locale", "routes/locale.tsx"),
  route("org/switch", "routes/org-switch.tsx"),
  route("org/members", "routes/org-members.tsx"),
  route("municipalities", "routes/municipalities.tsx"),
  route("audit", "routes/audit.tsx"),
  route("notifications", "routes/notifications.tsx"),
  route("settings", "routes/settings.tsx"),
  route("admin/outbox", "routes/admin-outbox.tsx"),

  route("api/v1/health", "routes/api/health.ts"),
  route("api/v1/tokens", "routes/api/tokens.ts"),
  route("api/v1/me", "routes/api/me.ts"),
  route("api/v1/municipalities", "routes/api/municipalities.ts"),
  route("api/v1/organizations", "routes/api/organizations.ts"),
  route("api/v1/audit", "routes/api/audit.ts"),
  route("api/v1/notifications", "routes/api/notifications.ts"),
  route("api/*", "routes/api/not-found.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
