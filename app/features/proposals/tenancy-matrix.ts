// The proposals feature's rows of the API tenancy matrix (app/routes/api/tenancy.test.ts):
// proposals, their files, the published summaries and the role matrix. Test-only:
// collected by that test, imported by nothing else.
import { expect } from "vitest";
import {
  confidential,
  only,
  protectedFor,
  statuses,
  type CallerName,
  type CallOptions,
  type Endpoint,
  type IdItem,
  anyMember,
} from "~/test/tenancy-matrix";

/** Who may see companyA's proposal to X: companyA, X's desk, the department it was shared with. */
const PROPOSAL_INSIDERS: CallerName[] = ["companyA", "deskAdminX", "deskStaffX", "departmentStaffX"];
const proposalPath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/proposals/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});
type RoleMatrixBody = Record<string, Record<string, { desk: string; department: string }>>;

export const tenancyRows: Endpoint[] = [
  {
    name: "GET /api/v1/proposals",
    file: "api/proposals.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/proposals?limit=100" }),
    expected: anyMember(200),
    check: (body: { items: IdItem[] }, caller, w) => {
      const ids = body.items.map((p) => p.id);
      (PROPOSAL_INSIDERS.includes(caller.name) ? expect(ids) : expect(ids).not).toContain(w.ids.proposal);
      (caller.name === "companyA" ? expect(ids) : expect(ids).not).toContain(w.ids.draftProposal);
      expect(ids.length > 0, "sees any proposal").toBe(PROPOSAL_INSIDERS.includes(caller.name));
    },
  },
  {
    name: "GET /api/v1/proposals/published (public summaries)",
    file: "api/published-proposals.ts",
    handler: "loader",
    request: (_c, w) => ({ path: `/api/v1/proposals/published?municipality=${w.ids.localGovCodeX}` }),
    expected: statuses(200),
    // Neither side agreed to publish anything of X's proposals.
    check: (body: { items: IdItem[] }) => expect(body.items).toEqual([]),
  },
  {
    name: "POST /api/v1/proposals (a draft to X)",
    file: "api/proposals.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: "/api/v1/proposals",
      method: "POST",
      json: { municipalityCode: w.ids.localGovCodeX, title: "下書きの提案" },
    }),
    expected: protectedFor({ companyA: 201, companyB: 201, coordinator: 201 }),
    check: (body: { status: string; proposerOrgId: string }, caller) => {
      expect(body.status).toBe("draft");
      expect(body.proposerOrgId).toBe(caller.organizationIds[0]);
    },
  },
  {
    name: "GET /api/v1/proposals/:id",
    file: "api/proposal.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => proposalPath(w.ids.proposal),
    expected: confidential(only(PROPOSAL_INSIDERS, 200)),
  },
  {
    name: "GET /api/v1/proposals/:id (companyA's draft)",
    file: "api/proposal.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => proposalPath(w.ids.draftProposal),
    expected: confidential({ companyA: 200 }),
  },
  {
    name: "GET /api/v1/proposals/:id/access-log",
    file: "api/proposal.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => proposalPath(w.ids.proposal, "access-log"),
    expected: confidential({ companyA: 200, deskAdminX: 200, deskStaffX: 200 }),
  },
  {
    name: "PATCH /api/v1/proposals/:id (submitted)",
    file: "api/proposal.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...proposalPath(w.ids.proposal), method: "PATCH", json: { title: "書き換え" } }),
    expected: confidential({ companyA: 409, deskAdminX: 403, deskStaffX: 403, departmentStaffX: 403 }),
  },
  {
    // A submitted proposal: the proposer is refused (409, withdraw instead) and the world keeps it for the other rows.
    name: "DELETE /api/v1/proposals/:id (submitted)",
    file: "api/proposal.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...proposalPath(w.ids.proposal), method: "DELETE" }),
    expected: confidential({ companyA: 409, deskAdminX: 403, deskStaffX: 403, departmentStaffX: 403 }),
  },
  {
    name: "POST /api/v1/proposals/:id/start-screening (already screening)",
    file: "api/proposal.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...proposalPath(w.ids.proposal, "start-screening"), method: "POST" }),
    expected: confidential({ companyA: 403, deskAdminX: 409, deskStaffX: 409, departmentStaffX: 403 }),
  },
  {
    name: "POST /api/v1/proposals/:id/messages",
    file: "api/proposal.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({ ...proposalPath(w.ids.proposal, "messages"), method: "POST", json: { body: `${c.name} からの連絡` } }),
    expected: confidential(only(PROPOSAL_INSIDERS, 201)),
  },
  {
    name: "GET /api/v1/proposals/:id/attachments/:fileId",
    file: "api/proposal-file.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/proposals/${w.ids.proposal}/attachments/${w.ids.proposalFile}`,
      params: { id: w.ids.proposal, fileId: w.ids.proposalFile },
    }),
    expected: confidential(only(PROPOSAL_INSIDERS, 200)),
  },
  {
    name: "PUT /api/v1/role-matrix",
    file: "api/role-matrix.ts",
    handler: "action",
    identifies: true,
    request: (c) => ({
      path: "/api/v1/role-matrix",
      method: "PUT",
      json: {
        entries: [
          { method: "comprehensive", stage: "intake", desk: "lead", department: c.name === "deskAdminY" ? "involved" : "as_needed" },
        ],
      },
    }),
    expected: protectedFor({ deskAdminX: 200, deskAdminY: 200 }),
  },
  {
    name: "GET /api/v1/role-matrix",
    file: "api/role-matrix.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/role-matrix" }),
    expected: protectedFor({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 200, deskAdminY: 200 }),
    // Each municipality reads its own matrix, as its desk admin set it above.
    check: (body: RoleMatrixBody, caller) =>
      expect(body.comprehensive!.intake!.department).toBe(caller.name === "deskAdminY" ? "involved" : "as_needed"),
  },
];
