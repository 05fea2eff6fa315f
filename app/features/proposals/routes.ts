// The proposals feature's pages and API (proposals: intake, screening, sharing, dialogue, files, the role matrix), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const proposalsRoutes: RouteConfigEntry[] = [
  route("proposals", "routes/proposals.tsx"),
  route("proposals/new", "routes/proposal-new.tsx"),
  route("proposals/:id", "routes/proposal.tsx"),
  route("proposals/:id/edit", "routes/proposal-edit.tsx"),
  route("proposals/:id/files/:fileId", "routes/proposal-file.ts"),
  route("desk/role-matrix", "routes/desk-role-matrix.tsx"),
  route("api/v1/proposals/published", "routes/api/published-proposals.ts"),
  route("api/v1/proposals", "routes/api/proposals.ts"),
  route("api/v1/proposals/:id", "routes/api/proposal.ts"),
  route("api/v1/proposals/:id/attachments/:fileId", "routes/api/proposal-file.ts"),
  route("api/v1/proposals/:id/action-items/:itemId/done", "routes/api/proposal.ts", { id: "api-proposal-item-done" }),
  route("api/v1/proposals/:id/:action", "routes/api/proposal.ts", { id: "api-proposal-action" }),
  route("api/v1/role-matrix", "routes/api/role-matrix.ts"),
];
