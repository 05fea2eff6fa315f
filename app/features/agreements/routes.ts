// The agreements feature's pages and API (the register, approvals, 協定書, template, approval chain, import and export), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const agreementsRoutes: RouteConfigEntry[] = [
  route("agreements", "routes/agreements/agreements.tsx"),
  route("agreements/new", "routes/agreements/agreement-new.tsx"),
  route("agreements/public", "routes/agreements/public-agreements.tsx"),
  route("agreements/import", "routes/agreements/agreement-import.tsx"),
  route("agreements/import/:id", "routes/agreements/agreement-import-review.tsx"),
  route("agreements/import/:id/commit", "routes/agreements/agreement-import-commit.ts"),
  route("agreements/export.csv", "routes/api/agreements-export.ts", { id: "agreements-export-csv" }),
  route("agreements/export.xlsx", "routes/api/agreements-export.ts", { id: "agreements-export-xlsx" }),
  route("agreements/:id", "routes/agreements/agreement.tsx"),
  route("agreements/:id/edit", "routes/agreements/agreement-edit.tsx"),
  route("agreements/:id/document.docx", "routes/agreements/agreement-document.ts"),
  route("desk/agreement-template", "routes/agreements/desk-agreement-template.tsx"),
  route("desk/approval-chain", "routes/agreements/desk-approval-chain.tsx"),
  route("api/v1/agreements/public", "routes/api/public-agreements.ts"),
  route("api/v1/agreements/public/:id", "routes/api/public-agreements.ts", { id: "api-public-agreement" }),
  route("api/v1/agreements/export.csv", "routes/api/agreements-export.ts", { id: "api-agreements-export-csv" }),
  route("api/v1/agreements/export.xlsx", "routes/api/agreements-export.ts", { id: "api-agreements-export-xlsx" }),
  route("api/v1/agreements", "routes/api/agreements.ts"),
  route("api/v1/agreements/imports", "routes/api/agreement-imports.ts"),
  route("api/v1/agreements/imports/:id", "routes/api/agreement-import.ts"),
  route("api/v1/agreements/imports/:id/:action", "routes/api/agreement-import.ts", { id: "api-agreement-import-action" }),
  route("api/v1/agreements/:id", "routes/api/agreement.ts"),
  route("api/v1/agreements/:id/document.docx", "routes/api/agreement-document.ts"),
  route("api/v1/agreements/:id/amend", "routes/api/agreement-amend.ts"),
  route("api/v1/agreements/:id/:action", "routes/api/agreement.ts", { id: "api-agreement-action" }),
  route("api/v1/agreement-template", "routes/api/agreement-template.ts"),
  route("api/v1/approval-chain", "routes/api/approval-chain.ts"),
];
