// The proposals feature's pages and API (proposals: intake, screening, sharing, dialogue, files, the role matrix), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const proposalsRoutes: RouteConfigEntry[] = [
  route("proposals", "routes/proposals/proposals.tsx"),
  route("proposals/new", "routes/proposals/proposal-new.tsx"),
  route("proposals/:id", "routes/proposals/proposal.tsx"),
  route("proposals/:id/edit", "routes/proposals/proposal-edit.tsx"),
  route("proposals/:id/files/:fileId", "routes/proposals/proposal-file.ts"),
  route("desk/role-matrix", "routes/proposals/desk-role-matrix.tsx"),
  route("api/v1/proposals/published", "routes/api/published-proposals.ts"),
  route("api/v1/proposals", "routes/api/proposals.ts"),
  route("api/v1/proposals/:id", "routes/api/proposal.ts"),
  route("api/v1/proposals/:id/attachments/:fileId", "routes/api/proposal-file.ts"),
  route("api/v1/proposals/:id/action-items/:itemId/done", "routes/api/proposal.ts", { id: "api-proposal-item-done" }),
  route("api/v1/proposals/:id/:action", "routes/api/proposal.ts", { id: "api-proposal-action" }),
  route("api/v1/role-matrix", "routes/api/role-matrix.ts"),
];
