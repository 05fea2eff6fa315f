// The agreements feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// the register, the 協定書, the template, the approval chain, the public register,
// export and the register import. Test-only: collected by that test, imported by nothing else.
import { expect } from "vitest";
import {
  AGREEMENT_PARTIES,
  confidential,
  only,
  protectedFor,
  registerForm,
  statuses,
  type CallOptions,
  type Endpoint,
  type IdItem,
  anyMember,
} from "~/test/tenancy-matrix";

const agreementPath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/agreements/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});
const importPath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/agreements/imports/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});
/** The desks of public bodies; X's import is X's alone (404 for Y's desk). */
const IMPORT_DESKS = { deskAdminX: 200, deskStaffX: 200, deskAdminY: 404 } as const;

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/agreements",
    file: "api/agreements.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/agreements" }),
    expected: anyMember(200),
    check: (body: { items: IdItem[] }, caller, w) => {
      const ids = body.items.map((a) => a.id);
      (AGREEMENT_PARTIES.includes(caller.name) ? expect(ids) : expect(ids).not).toContain(w.ids.agreement);
    },
  },
  {
    name: "POST /api/v1/agreements (X with companyB)",
    file: "api/agreements.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: "/api/v1/agreements",
      method: "POST",
      json: { title: "新しい協定", method: "other", partnerIds: [w.orgs.companyB], purpose: "目的" },
    }),
    // Desks register agreements for their own municipality only.
    expected: protectedFor({ deskAdminX: 201, deskStaffX: 201, deskAdminY: 201 }),
  },
  {
    name: "GET /api/v1/agreements/:id",
    file: "api/agreement.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => agreementPath(w.ids.agreement),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "PATCH /api/v1/agreements/:id",
    file: "api/agreement.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...agreementPath(w.ids.agreement), method: "PATCH", json: { purpose: "移動手段の確保（改訂）" } }),
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "POST /api/v1/agreements/:id/sign (still a draft)",
    file: "api/agreement.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...agreementPath(w.ids.agreement, "sign"), method: "POST", json: { signedOn: "2026-12-01" } }),
    expected: confidential({ deskAdminX: 409, deskStaffX: 409, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "POST /api/v1/agreements/:id/approvals (still a draft)",
    file: "api/agreement.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      ...agreementPath(w.ids.agreement, "approvals"),
      method: "POST",
      json: { stepId: "00000000-0000-4000-8000-000000000000", decision: "approved", approverName: "決裁者", decidedOn: "2026-12-01" },
    }),
    // The desk and each partner record approvals (a partner its own side's); a department does not.
    expected: confidential({ deskAdminX: 409, deskStaffX: 409, departmentStaffX: 403, companyA: 409 }),
  },
  {
    name: "GET /api/v1/agreements/:id/document.docx (a draft: its current content)",
    file: "api/agreement-document.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/agreements/${w.ids.agreement}/document.docx`, params: { id: w.ids.agreement } }),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "POST /api/v1/agreements/:id/amend (still a draft)",
    file: "api/agreement-amend.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/agreements/${w.ids.agreement}/amend`,
      method: "POST",
      json: { reason: "条文の見直し" },
      params: { id: w.ids.agreement },
    }),
    expected: confidential({ deskAdminX: 409, deskStaffX: 409, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "PUT /api/v1/agreement-template",
    file: "api/agreement-template.ts",
    handler: "action",
    identifies: true,
    request: (c) => ({
      path: "/api/v1/agreement-template",
      method: "PUT",
      json: {
        preamble: `{当事者}は、${c.name}の前文により協定を結ぶ。`,
        amendmentClause: "{甲乙}が協議して改める。",
        disputeClause: "{甲乙}が話し合う。",
      },
    }),
    expected: protectedFor({ deskAdminX: 200, deskAdminY: 200 }),
  },
  {
    name: "GET /api/v1/agreement-template",
    file: "api/agreement-template.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/agreement-template" }),
    expected: protectedFor({ deskAdminX: 200, deskStaffX: 200, deskAdminY: 200 }),
    // Each municipality reads its own wording, as its desk admin set it above.
    check: (body: { preamble: string }, caller) =>
      expect(body.preamble).toContain(caller.name === "deskAdminY" ? "deskAdminYの前文" : "deskAdminXの前文"),
  },
  {
    name: "PUT /api/v1/approval-chain",
    file: "api/approval-chain.ts",
    handler: "action",
    identifies: true,
    request: (c) => ({
      path: "/api/v1/approval-chain",
      method: "PUT",
      json: { steps: [{ label: `${c.name}の課長` }, { label: "市長" }, { label: "議会への報告", optional: true }] },
    }),
    expected: protectedFor({ deskAdminX: 200, deskAdminY: 200 }),
  },
  {
    name: "GET /api/v1/approval-chain",
    file: "api/approval-chain.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/approval-chain" }),
    expected: protectedFor({ deskAdminX: 200, deskStaffX: 200, deskAdminY: 200 }),
    // Each municipality reads its own chain, as its desk admin set it above.
    check: (body: { steps: { label: string }[] }, caller) =>
      expect(body.steps[0]!.label).toBe(caller.name === "deskAdminY" ? "deskAdminYの課長" : "deskAdminXの課長"),
  },
  {
    name: "GET /api/v1/agreements/public (nothing published)",
    file: "api/public-agreements.ts",
    handler: "loader",
    request: (_c, w) => ({ path: `/api/v1/agreements/public?municipality=${w.ids.localGovCodeX}` }),
    expected: statuses(200),
    check: (body: { items: IdItem[] }) => expect(body.items).toEqual([]),
  },
  {
    name: "GET /api/v1/agreements/public/:id (a draft)",
    file: "api/public-agreements.ts",
    handler: "loader",
    request: (_c, w) => ({ path: `/api/v1/agreements/public/${w.ids.agreement}`, params: { id: w.ids.agreement } }),
    expected: statuses(404),
  },
  {
    name: "GET /api/v1/agreements/export.csv",
    file: "api/agreements-export.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/agreements/export.csv" }),
    expected: anyMember(200),
  },
  {
    name: "GET /api/v1/agreements/imports",
    file: "api/agreement-imports.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/agreements/imports" }),
    expected: protectedFor({ deskAdminX: 200, deskStaffX: 200, deskAdminY: 200 }),
    check: (body: { items: IdItem[] }, caller, w) =>
      (caller.name === "deskAdminY" ? expect(body.items.map((i) => i.id)).not : expect(body.items.map((i) => i.id))).toContain(
        w.ids.registerImport,
      ),
  },
  {
    name: "POST /api/v1/agreements/imports (a CSV register)",
    file: "api/agreement-imports.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/agreements/imports", method: "POST", body: registerForm() }),
    // Only desks import, into their own register; staging writes no agreement.
    expected: protectedFor({ deskAdminX: 201, deskStaffX: 201, deskAdminY: 201 }),
  },
  {
    name: "GET /api/v1/agreements/imports/:id",
    file: "api/agreement-import.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => importPath(w.ids.registerImport),
    expected: protectedFor(IMPORT_DESKS),
  },
  {
    name: "PATCH /api/v1/agreements/imports/:id (same mapping)",
    file: "api/agreement-import.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      ...importPath(w.ids.registerImport),
      method: "PATCH",
      json: { mapping: { title: "協定名", partners: "締結先", fields: "分野", purpose: "概要" } },
    }),
    expected: protectedFor(IMPORT_DESKS),
  },
  {
    name: "POST /api/v1/agreements/imports/:id/commit (a row has a problem)",
    file: "api/agreement-import.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...importPath(w.ids.registerImport, "commit"), method: "POST" }),
    expected: protectedFor({ deskAdminX: 422, deskStaffX: 422, deskAdminY: 404 }),
  },
  {
    name: "DELETE /api/v1/agreements/imports/:id (an import that does not exist)",
    file: "api/agreement-import.ts",
    handler: "action",
    identifies: true,
    request: () => ({ ...importPath("00000000-0000-4000-8000-000000000000"), method: "DELETE" }),
    expected: protectedFor({ deskAdminX: 404, deskStaffX: 404, deskAdminY: 404 }),
  },
];
