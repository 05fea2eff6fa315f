// The themes feature's pages and API (テーマ型 calls: the public list, the desk's drafts, files, follows), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const themesRoutes: RouteConfigEntry[] = [
  route("municipalities/:code/themes", "routes/themes/themes.tsx", { id: "municipality-themes" }),
  route("themes", "routes/themes/themes.tsx"),
  route("themes/:id", "routes/themes/theme.tsx"),
  route("themes/:id/files/:fileId", "routes/themes/theme-file.ts"),
  route("desk/themes", "routes/themes/desk-themes.tsx"),
  route("desk/themes/new", "routes/themes/desk-theme-new.tsx"),
  route("desk/themes/:id/edit", "routes/themes/desk-theme-edit.tsx"),
  route("follows", "routes/themes/follows.tsx"),
  route("api/v1/themes", "routes/api/themes.ts"),
  route("api/v1/themes/:id", "routes/api/theme.ts"),
  route("api/v1/themes/:id/attachments/:fileId", "routes/api/theme-file.ts"),
  route("api/v1/themes/:id/:action", "routes/api/theme.ts", { id: "api-theme-action" }),
  route("api/v1/follows", "routes/api/follows.ts"),
  route("api/v1/follows/:id", "routes/api/follows.ts", { id: "api-follow" }),
];
