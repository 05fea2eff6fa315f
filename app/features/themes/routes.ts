// The themes feature's pages and API (テーマ型 calls: the public list, the desk's drafts, files, follows), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const themesRoutes: RouteConfigEntry[] = [
  route("municipalities/:code/themes", "routes/themes.tsx", { id: "municipality-themes" }),
  route("themes", "routes/themes.tsx"),
  route("themes/:id", "routes/theme.tsx"),
  route("themes/:id/files/:fileId", "routes/theme-file.ts"),
  route("desk/themes", "routes/desk-themes.tsx"),
  route("desk/themes/new", "routes/desk-theme-new.tsx"),
  route("desk/themes/:id/edit", "routes/desk-theme-edit.tsx"),
  route("follows", "routes/follows.tsx"),
  route("api/v1/themes", "routes/api/themes.ts"),
  route("api/v1/themes/:id", "routes/api/theme.ts"),
  route("api/v1/themes/:id/attachments/:fileId", "routes/api/theme-file.ts"),
  route("api/v1/themes/:id/:action", "routes/api/theme.ts", { id: "api-theme-action" }),
  route("api/v1/follows", "routes/api/follows.ts"),
  route("api/v1/follows/:id", "routes/api/follows.ts", { id: "api-follow" }),
];
