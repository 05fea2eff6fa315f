// The tenancy and role matrix of the JSON API: every endpoint in app/routes.ts
// × every kind of caller → the expected status, plus checks that one tenant's
// data never shows up for another. Driven by the ENDPOINTS table: a new API
// route fails "covers every API route" until it has a row here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routeConfig from "~/routes";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { pdfFile, pdfForm, validMeeting, validTheme } from "~/test/api-inputs";
import {
  addMembership,
  buildAgreement,
  buildMeeting,
  buildMeetingActionItem,
  buildProposal,
  buildTheme,
  createDepartment,
  createMember,
  createNotification,
  createOrganization,
  TEST_PASSWORD,
} from "~/test/factories";
import { createUserWithoutMembership, expireApiToken, signInCookie } from "~/test/helpers";

type Handler = (args: never) => Promise<unknown> | unknown;
type RouteModule = { loader?: Handler; action?: Handler };
/** Every API route module, so rows name them by file and new modules are noticed. */
const modules = import.meta.glob<RouteModule>(["./*.ts", "!./*.test.ts"], { eager: true });

const drivers = await testDrivers();

const CALLERS = [
  "anonymous",
  "invalidToken",
  "expiredToken",
  "sessionCookie",
  "companyA",
  "companyB",
  "deskAdminX",
  "deskStaffX",
  "departmentStaffX",
  "deskAdminY",
  "coordinator",
  "platformAdmin",
  "noMembership",
] as const;
type CallerName = (typeof CALLERS)[number];

interface Caller {
  name: CallerName;
  token?: string;
  cookie?: string;
  email?: string;
  userId?: string;
  /** Memberships the caller really has (for /me). */
  membershipIds: string[];
  organizationIds: string[];
}

interface World {
  app: TestApp;
  callers: Record<CallerName, Caller>;
  orgs: { companyA: string; companyB: string; municipalityX: string; municipalityY: string; intermediary: string; platform: string };
  /** Unique text in each user's own notification. */
  markers: Partial<Record<CallerName, string>>;
  /** X's theme calls, companyA's proposals to X (with a file each), follows. */
  ids: {
    localGovCodeX: string;
    departmentX: string;
    publishedTheme: string;
    publishedThemeFile: string;
    draftTheme: string;
    draftThemeFile: string;
    /** In screening, shared with departmentStaffX's department. */
    proposal: string;
    proposalFile: string;
    draftProposal: string;
    /** A follow of companyA's colleague (not a caller). */
    colleagueFollow: string;
    /** A draft agreement between X and companyA. */
    agreement: string;
    /** A register import staged by X's desk, with one row it cannot import. */
    registerImport: string;
    /** A steering meeting of that agreement, with one action item. */
    meeting: string;
    actionItem: string;
  };
  /** Follows each caller made in setup. */
  follows: Partial<Record<CallerName, string[]>>;
}

interface CallOptions {
  path: string;
  method?: string;
  json?: unknown;
  /** Multipart uploads. */
  body?: FormData;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

interface Endpoint {
  name: string;
  /** File under app/routes/, as in app/routes.ts. */
  file: string;
  handler: "loader" | "action";
  request: (caller: Caller, world: World) => CallOptions;
  expected: Record<CallerName, number>;
  /** The endpoint resolves the caller's identity (so X-Renkei-Organization applies). */
  identifies?: boolean;
  /** Checks on a 2xx body: nothing of another tenant or user. */
  check?: (body: never, caller: Caller, world: World) => void;
}

const UNAUTHENTICATED: CallerName[] = ["anonymous", "invalidToken", "expiredToken", "sessionCookie"];
const ANYONE_WITH_A_TOKEN = CALLERS.filter((c) => !UNAUTHENTICATED.includes(c));

/** Every caller gets `status`, except those listed. */
function statuses(status: number, except: Partial<Record<CallerName, number>> = {}): Record<CallerName, number> {
  return Object.fromEntries(CALLERS.map((c) => [c, except[c] ?? status])) as Record<CallerName, number>;
}
const only = (callers: CallerName[], status: number) =>
  Object.fromEntries(callers.map((c) => [c, status])) as Partial<Record<CallerName, number>>;
/** 401 without a valid token, 403 with one, `allowed` for the listed callers. */
const protectedFor = (allowed: Partial<Record<CallerName, number>>) => statuses(403, { ...only(UNAUTHENTICATED, 401), ...allowed });

interface AuditItem {
  organizationId: string | null;
  after: { name?: string } | null;
}
interface NotificationItem {
  body: string;
}
interface IdItem {
  id: string;
}
type RoleMatrixBody = Record<string, Record<string, { desk: string; department: string }>>;

/** Staff of X may see X's draft calls; the rest of the world may not. */
const X_STAFF: CallerName[] = ["deskAdminX", "deskStaffX", "departmentStaffX"];
/** Who may see companyA's proposal to X: companyA, X's desk, the department it was shared with. */
const PROPOSAL_INSIDERS: CallerName[] = ["companyA", "deskAdminX", "deskStaffX", "departmentStaffX"];
/** Public with an optional token: a bad token is refused, everyone else is `status`. */
const publicRead = (status: number, except: Partial<Record<CallerName, number>> = {}) =>
  statuses(status, { invalidToken: 401, expiredToken: 401, ...except });
/** Behind a token, and 404 (never 403) for whoever may not know the thing exists. */
/** Members of X (desk, staff, department) and of companyA: the parties of the agreement. */
const AGREEMENT_PARTIES: CallerName[] = ["deskAdminX", "deskStaffX", "departmentStaffX", "companyA"];
const agreementPath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/agreements/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});
const confidential = (allowed: Partial<Record<CallerName, number>>) =>
  statuses(404, { ...only(UNAUTHENTICATED, 401), noMembership: 403, ...allowed });
const meetingPath = (id: string, rest = ""): CallOptions => ({ path: `/api/v1/meetings/${id}${rest}`, params: { id } });
/** A register with one good row and one that cannot be imported (unknown field). */
const registerForm = () => {
  const form = new FormData();
  const csv =
    "協定名,締結先,分野,概要\r\n見守りの協定,株式会社見守りテスト,見守り,高齢者を見守る\r\n宇宙の協定,株式会社宇宙テスト,宇宙開発,宇宙へ行く\r\n";
  form.append("file", new Blob([csv], { type: "text/csv" }), "台帳.csv");
  return form;
};
const importPath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/agreements/imports/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});
/** The desks of public bodies; X's import is X's alone (404 for Y's desk). */
const IMPORT_DESKS = { deskAdminX: 200, deskStaffX: 200, deskAdminY: 404 } as const;

const themePath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/themes/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});
const proposalPath = (id: string, action?: string): CallOptions => ({
  path: `/api/v1/proposals/${id}${action ? `/${action}` : ""}`,
  params: action ? { id, action } : { id },
});

const ENDPOINTS: Endpoint[] = [
  {
    name: "GET /api/v1/health",
    file: "api/health.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/health" }),
    expected: statuses(200),
  },
  // Public: the description of the API, the same for everyone (no identity is read).
  {
    name: "GET /api/v1/openapi.json",
    file: "api/openapi.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/openapi.json" }),
    expected: statuses(200),
  },
  {
    name: "GET /api/v1/tokens",
    file: "api/tokens.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/tokens" }),
    expected: statuses(404),
  },
  {
    name: "POST /api/v1/tokens (own credentials)",
    file: "api/tokens.ts",
    handler: "action",
    request: (c) => ({ path: "/api/v1/tokens", method: "POST", json: { email: c.email ?? "nobody@example.jp", password: TEST_PASSWORD } }),
    expected: statuses(201, { anonymous: 401, invalidToken: 401 }),
  },
  {
    name: "PUT /api/v1/tokens",
    file: "api/tokens.ts",
    handler: "action",
    request: () => ({ path: "/api/v1/tokens", method: "PUT", json: {} }),
    expected: statuses(404),
  },
  {
    name: "GET /api/v1/me",
    file: "api/me.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/me" }),
    expected: statuses(200, only(UNAUTHENTICATED, 401)),
    check: (body: { user: { id: string }; memberships: { membershipId: string; organizationId: string }[] }, caller) => {
      expect(body.user.id).toBe(caller.userId);
      expect(body.memberships.map((m) => m.membershipId).sort()).toEqual([...caller.membershipIds].sort());
      expect(body.memberships.map((m) => m.organizationId).sort()).toEqual([...caller.organizationIds].sort());
    },
  },
  {
    name: "GET /api/v1/municipalities",
    file: "api/municipalities.ts",
    handler: "loader",
    request: () => ({ path: `/api/v1/municipalities?q=${encodeURIComponent("守口")}` }),
    expected: statuses(200),
  },
  {
    name: "GET /api/v1/organizations",
    file: "api/organizations.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/organizations?limit=100" }),
    expected: protectedFor({ platformAdmin: 200 }),
  },
  {
    name: "POST /api/v1/organizations (a department of X)",
    file: "api/organizations.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({
      path: "/api/v1/organizations",
      method: "POST",
      json: { kind: "department", name: `${c.name}課`, parentId: w.orgs.municipalityX },
    }),
    expected: protectedFor({ deskAdminX: 201, platformAdmin: 201, deskAdminY: 422 }),
  },
  {
    name: "DELETE /api/v1/organizations",
    file: "api/organizations.ts",
    handler: "action",
    request: () => ({ path: "/api/v1/organizations", method: "DELETE" }),
    expected: statuses(404),
  },
  {
    name: "GET /api/v1/audit",
    file: "api/audit.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/audit?limit=200" }),
    expected: protectedFor({ deskAdminX: 200, deskAdminY: 200, platformAdmin: 200 }),
    // A desk reads its own municipality's log only; the platform admin reads both.
    check: (body: { items: AuditItem[] }, caller, w) => {
      const names = body.items.map((e) => e.after?.name);
      expect({ X: names.includes("X交通政策課"), Y: names.includes("Y環境対策課") }, "whose departments it sees").toEqual({
        X: caller.name !== "deskAdminY",
        Y: caller.name !== "deskAdminX",
      });
      const organizations = [...new Set(body.items.map((e) => e.organizationId))];
      const own: Partial<Record<CallerName, string[]>> = { deskAdminX: [w.orgs.municipalityX], deskAdminY: [w.orgs.municipalityY] };
      expect(organizations, "whose log it reads").toEqual(
        own[caller.name] ?? expect.arrayContaining([w.orgs.municipalityX, w.orgs.municipalityY]),
      );
    },
  },
  {
    name: "GET /api/v1/notifications",
    file: "api/notifications.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/notifications" }),
    expected: statuses(200, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
    check: (body: { items: NotificationItem[]; unread: number }, caller, w) => {
      const bodies = body.items.map((n) => n.body).join("\n");
      for (const [name, marker] of Object.entries(w.markers))
        expect(bodies.includes(marker), `${name}'s notification`).toBe(name === caller.name);
      expect(body.unread).toBe(body.items.length);
    },
  },
  {
    name: "GET /api/v1/themes (public calls)",
    file: "api/themes.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/themes?status=all&limit=100" }),
    expected: statuses(200),
    check: (body: { items: IdItem[] }, _c, w) => {
      const ids = body.items.map((t) => t.id);
      expect(ids).toContain(w.ids.publishedTheme);
      expect(ids).not.toContain(w.ids.draftTheme);
    },
  },
  {
    name: "POST /api/v1/themes (draft a call)",
    file: "api/themes.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/themes", method: "POST", json: validTheme }),
    expected: protectedFor({ deskAdminX: 201, deskStaffX: 201, departmentStaffX: 201, deskAdminY: 201 }),
    check: (body: { status: string; localGovCode: string }, caller, w) => {
      expect(body.status).toBe("draft");
      expect(body.localGovCode === w.ids.localGovCodeX, "a call of X").toBe(caller.name !== "deskAdminY");
    },
  },
  {
    name: "GET /api/v1/themes/:id (X's draft)",
    file: "api/theme.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => themePath(w.ids.draftTheme),
    expected: publicRead(404, only(X_STAFF, 200)),
  },
  {
    name: "GET /api/v1/themes/:id (published)",
    file: "api/theme.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => themePath(w.ids.publishedTheme),
    expected: publicRead(200),
  },
  {
    name: "PATCH /api/v1/themes/:id (X's draft)",
    file: "api/theme.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...themePath(w.ids.draftTheme), method: "PATCH", json: { goal: "予約制の乗合交通を通年で試行したい。" } }),
    // Department staff edit only their own department's drafts; this one has none.
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403 }),
  },
  {
    name: "POST /api/v1/themes/:id/publish (already published)",
    file: "api/theme.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...themePath(w.ids.publishedTheme, "publish"), method: "POST" }),
    // The desk is told the status does not allow it (409); a department may not publish at all (403, issue 17).
    expected: confidential({ deskAdminX: 409, deskStaffX: 409, departmentStaffX: 403 }),
  },
  {
    name: "POST /api/v1/themes/:id/attachments (X's draft)",
    file: "api/theme.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...themePath(w.ids.draftTheme, "attachments"), method: "POST", body: pdfForm() }),
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403 }),
  },
  {
    name: "GET /api/v1/themes/:id/attachments/:fileId (X's draft)",
    file: "api/theme-file.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/themes/${w.ids.draftTheme}/attachments/${w.ids.draftThemeFile}`,
      params: { id: w.ids.draftTheme, fileId: w.ids.draftThemeFile },
    }),
    expected: publicRead(404, only(X_STAFF, 200)),
  },
  {
    name: "GET /api/v1/themes/:id/attachments/:fileId (published)",
    file: "api/theme-file.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/themes/${w.ids.publishedTheme}/attachments/${w.ids.publishedThemeFile}`,
      params: { id: w.ids.publishedTheme, fileId: w.ids.publishedThemeFile },
    }),
    expected: publicRead(200),
  },
  {
    name: "GET /api/v1/follows",
    file: "api/follows.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/follows" }),
    expected: statuses(200, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
    check: (body: { items: IdItem[] }, caller, w) => {
      const ids = body.items.map((f) => f.id);
      for (const [name, own] of Object.entries(w.follows)) {
        for (const id of own) (name === caller.name ? expect(ids) : expect(ids).not).toContain(id);
      }
      expect(ids).not.toContain(w.ids.colleagueFollow);
    },
  },
  {
    name: "POST /api/v1/follows",
    file: "api/follows.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/follows", method: "POST", json: { kind: "field", value: "culture" } }),
    expected: statuses(201, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
  },
  {
    name: "DELETE /api/v1/follows/:id (someone else's)",
    file: "api/follows.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/follows/${w.ids.colleagueFollow}`, method: "DELETE", params: { id: w.ids.colleagueFollow } }),
    expected: statuses(404, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
  },
  {
    name: "GET /api/v1/proposals",
    file: "api/proposals.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/proposals?limit=100" }),
    expected: statuses(200, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
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
  {
    name: "GET /api/v1/agreements",
    file: "api/agreements.ts",
    handler: "loader",
    identifies: true,
    request: () => ({ path: "/api/v1/agreements" }),
    expected: statuses(200, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
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
    expected: statuses(200, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
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
  {
    name: "GET /api/v1/agreements/:id/meetings",
    file: "api/agreement-meetings.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => ({ path: `/api/v1/agreements/${w.ids.agreement}/meetings`, params: { id: w.ids.agreement } }),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
    check: (body: { meetings: IdItem[] }, _c, w) => expect(body.meetings.map((m) => m.id)).toContain(w.ids.meeting),
  },
  {
    name: "POST /api/v1/agreements/:id/meetings",
    file: "api/agreement-meetings.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/agreements/${w.ids.agreement}/meetings`,
      method: "POST",
      json: validMeeting,
      params: { id: w.ids.agreement },
    }),
    // The owning desk schedules meetings; the other parties see them.
    expected: confidential({ deskAdminX: 201, deskStaffX: 201, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "GET /api/v1/meetings/:id",
    file: "api/meeting.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => meetingPath(w.ids.meeting),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "PATCH /api/v1/meetings/:id",
    file: "api/meeting.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({ ...meetingPath(w.ids.meeting), method: "PATCH", json: { minutes: "議事録を記録した。" } }),
    expected: confidential({ deskAdminX: 200, deskStaffX: 200, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "GET /api/v1/meetings/:id/meeting.ics",
    file: "api/meeting-ics.ts",
    handler: "loader",
    identifies: true,
    request: (_c, w) => meetingPath(w.ids.meeting, "/meeting.ics"),
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "POST /api/v1/meetings/:id/action-items",
    file: "api/meeting-action-items.ts",
    handler: "action",
    identifies: true,
    request: (c, w) => ({
      ...meetingPath(w.ids.meeting, "/action-items"),
      method: "POST",
      json: { title: `${c.name} の宿題`, ownerName: "X市 交通政策課", dueDate: "2099-06-30" },
    }),
    expected: confidential({ deskAdminX: 201, deskStaffX: 201, departmentStaffX: 403, companyA: 403 }),
  },
  {
    name: "POST /api/v1/meeting-action-items/:id/done",
    file: "api/meeting-action-item-done.ts",
    handler: "action",
    identifies: true,
    request: (_c, w) => ({
      path: `/api/v1/meeting-action-items/${w.ids.actionItem}/done`,
      method: "POST",
      params: { id: w.ids.actionItem },
    }),
    // Any member of any party; done twice is still done.
    expected: confidential(only(AGREEMENT_PARTIES, 200)),
  },
  {
    name: "POST /api/v1/calendar-feed",
    file: "api/calendar-feed.ts",
    handler: "action",
    identifies: true,
    request: () => ({ path: "/api/v1/calendar-feed", method: "POST" }),
    expected: statuses(201, { ...only(UNAUTHENTICATED, 401), noMembership: 403 }),
    check: (body: { url: string }) => expect(body.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
  },
  {
    name: "GET /api/v1/nothing",
    file: "api/not-found.ts",
    handler: "loader",
    request: () => ({ path: "/api/v1/nothing" }),
    expected: statuses(404),
  },
  {
    name: "POST /api/v2/anything",
    file: "api/not-found.ts",
    handler: "action",
    request: () => ({ path: "/api/v2/anything", method: "POST", json: {} }),
    expected: statuses(404),
  },
];

describe("the API tenancy matrix", () => {
  it("covers every API route and handler in app/routes.ts", () => {
    const apiRoutes = routeConfig.filter((r) => r.path?.startsWith("api/"));
    expect(apiRoutes.length).toBeGreaterThan(0);
    for (const route of apiRoutes) {
      const file = route.file.replace(/^routes\//, "");
      const mod = modules[`./${file.replace(/^api\//, "")}`];
      expect(mod, `${route.file} is not an API module`).toBeDefined();
      for (const handler of ["loader", "action"] as const) {
        if (!mod![handler]) continue;
        expect(
          ENDPOINTS.some((e) => e.file === file && e.handler === handler),
          `no tenancy-matrix row for ${handler} of ${route.file} (/${route.path})`,
        ).toBe(true);
      }
    }
  });
});

describe.each(drivers)("API tenancy on %s", (kind) => {
  const world = {} as World;

  beforeAll(async () => {
    const app = await startTestApp(kind);
    world.app = app;
    const { runtime } = app;
    const companyA = await createMember(runtime, { role: "member" });
    const companyB = await createMember(runtime, { role: "member" });
    const deskAdminX = await createMember(runtime, { role: "desk_admin" });
    const municipalityX = deskAdminX.organizationId;
    const deskStaffX = await createMember(runtime, { role: "desk_staff", organizationId: municipalityX });
    const departmentStaffX = await createMember(runtime, { role: "department_staff", organizationId: municipalityX });
    const deskAdminY = await createMember(runtime, { role: "desk_admin" });
    const municipalityY = deskAdminY.organizationId;
    const coordinator = await createMember(runtime, { role: "coordinator" });
    // Like the demo's coordinator: also desk staff of Y, acting as coordinator by default.
    const coordinatorInY = await addMembership(runtime.db, coordinator.userId, municipalityY, "desk_staff");
    const platformAdmin = await createMember(runtime, { role: "platform_admin" });
    const expired = await createMember(runtime, { role: "desk_admin", organizationId: municipalityX });
    await expireApiToken(runtime.db, expired.token);
    const cookieUser = await createMember(runtime, { role: "desk_admin", organizationId: municipalityX });
    const cookie = await signInCookie(runtime, cookieUser.email);
    const lonely = await createUserWithoutMembership(runtime);

    const member = (
      name: CallerName,
      m: { token: string; email: string; userId: string; membershipId: string; organizationId: string },
    ): Caller => ({
      name,
      token: m.token,
      email: m.email,
      userId: m.userId,
      membershipIds: [m.membershipId],
      organizationIds: [m.organizationId],
    });
    world.callers = {
      anonymous: { name: "anonymous", membershipIds: [], organizationIds: [] },
      invalidToken: { name: "invalidToken", token: `rk_AAAAAAAA_${"B".repeat(43)}`, membershipIds: [], organizationIds: [] },
      expiredToken: { ...member("expiredToken", expired) },
      sessionCookie: {
        name: "sessionCookie",
        cookie,
        email: cookieUser.email,
        userId: cookieUser.userId,
        membershipIds: [cookieUser.membershipId],
        organizationIds: [municipalityX],
      },
      companyA: member("companyA", companyA),
      companyB: member("companyB", companyB),
      deskAdminX: member("deskAdminX", deskAdminX),
      deskStaffX: member("deskStaffX", deskStaffX),
      departmentStaffX: member("departmentStaffX", departmentStaffX),
      deskAdminY: member("deskAdminY", deskAdminY),
      coordinator: {
        ...member("coordinator", coordinator),
        membershipIds: [coordinator.membershipId, coordinatorInY.id],
        organizationIds: [coordinator.organizationId, municipalityY],
      },
      platformAdmin: member("platformAdmin", platformAdmin),
      noMembership: {
        name: "noMembership",
        token: lonely.token,
        email: lonely.email,
        userId: lonely.userId,
        membershipIds: [],
        organizationIds: [],
      },
    };
    world.orgs = {
      companyA: companyA.organizationId,
      companyB: companyB.organizationId,
      municipalityX,
      municipalityY,
      intermediary: coordinator.organizationId,
      platform: platformAdmin.organizationId,
    };

    // Each desk leaves something in its own audit log.
    const organizations = modules["./organizations.ts"]!;
    for (const [desk, parentId, name] of [
      [deskAdminX, municipalityX, "X交通政策課"],
      [deskAdminY, municipalityY, "Y環境対策課"],
    ] as const) {
      const res = await app.call(organizations.action!, {
        path: "/api/v1/organizations",
        method: "POST",
        token: desk.token,
        json: { kind: "department", name, parentId },
      });
      expect(res.status).toBe(201);
    }
    await createDepartment(runtime.db, municipalityX);
    await createOrganization(runtime.db, { kind: "company" });

    // X publishes one call and drafts another, each with a PDF; companyA proposes
    // to X (the desk screens it and shares it with departmentStaffX's department)
    // and keeps a draft; X and companyA make an agreement with a meeting and an
    // action item; X's desk stages a register import; a few people follow fields.
    const ok = async <T>(module: string, handler: "loader" | "action", token: string, options: CallOptions): Promise<T> => {
      const res = await app.call(modules[module]![handler]!, { ...options, body: options.body as never, token });
      expect(res.status, `${options.method} ${options.path}: ${await res.clone().text()}`).toBeLessThan(300);
      return (await res.json()) as T;
    };
    const files = [pdfFile()];
    const publishedTheme = await buildTheme(runtime, { desk: deskAdminX, status: "published", files });
    const draftTheme = await buildTheme(runtime, { desk: deskAdminX, files });
    const proposal = await buildProposal(runtime, {
      desk: deskAdminX,
      proposer: companyA,
      status: "screening",
      sharedWith: [departmentStaffX.departmentId!],
      files,
    });
    const draftProposal = await buildProposal(runtime, { desk: deskAdminX, proposer: companyA, input: { title: "まだ出していない提案" } });
    const agreement = await buildAgreement(runtime, {
      desk: deskAdminX,
      partnerIds: [companyA.organizationId],
      input: { items: [{ title: "乗合交通の実証", field: "mobility" }] },
    });
    const meeting = await buildMeeting(runtime, { agreement });
    const actionItem = await buildMeetingActionItem(runtime, {
      meeting,
      input: { title: "実証区域の案を作る", ownerName: "A社 事業開発部", dueDate: "2099-06-30" },
    });
    const follow = async (token: string, value: string) =>
      (
        await ok<{ items: { id: string; value: string }[] }>("./follows.ts", "action", token, {
          path: "/api/v1/follows",
          method: "POST",
          json: { kind: "field", value },
        })
      ).items.find((f) => f.value === value)!.id;
    const colleague = await createMember(runtime, { role: "member", organizationId: companyA.organizationId });
    world.ids = {
      localGovCodeX: publishedTheme.localGovCode,
      departmentX: departmentStaffX.departmentId!,
      publishedTheme: publishedTheme.id,
      publishedThemeFile: publishedTheme.attachmentIds[0]!,
      draftTheme: draftTheme.id,
      draftThemeFile: draftTheme.attachmentIds[0]!,
      proposal: proposal.id,
      proposalFile: proposal.attachmentIds[0]!,
      draftProposal: draftProposal.id,
      colleagueFollow: await follow(colleague.token, "health"),
      agreement: agreement.id,
      registerImport: (
        await ok<{ id: string }>("./agreement-imports.ts", "action", deskAdminX.token, {
          path: "/api/v1/agreements/imports",
          method: "POST",
          body: registerForm(),
        })
      ).id,
      meeting: meeting.id,
      actionItem: actionItem.id,
    };
    world.follows = {
      companyA: [await follow(companyA.token, "mobility")],
      companyB: [await follow(companyB.token, "elderly")],
      deskAdminY: [await follow(deskAdminY.token, "tourism")],
    };

    // Each person gets one notification with a text only they should ever see.
    world.markers = {};
    for (const name of [
      "companyA",
      "companyB",
      "deskAdminX",
      "deskStaffX",
      "departmentStaffX",
      "deskAdminY",
      "coordinator",
      "platformAdmin",
    ] as const) {
      const caller = world.callers[name];
      const marker = `marker-${name}-${kind}`;
      world.markers[name] = marker;
      await createNotification(runtime, { userId: caller.userId!, organizationId: caller.organizationIds[0]!, marker });
    }
  });

  afterAll(async () => {
    await world.app?.close();
  });

  async function call(endpoint: Endpoint, caller: Caller, extraHeaders: Record<string, string> = {}) {
    const options = endpoint.request(caller, world);
    const headers = { ...options.headers, ...extraHeaders, ...(caller.cookie ? { cookie: caller.cookie } : {}) };
    const handler = modules[`./${endpoint.file.replace(/^api\//, "")}`]![endpoint.handler]!;
    return world.app.call(handler, { ...options, body: options.body as never, token: caller.token, headers });
  }

  const cases = ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => ({ endpoint, caller, status: endpoint.expected[caller] })));

  it.each(cases.filter((c) => c.status >= 400))("$endpoint.name as $caller → $status", async ({ endpoint, caller, status }) => {
    const res = await call(endpoint, world.callers[caller]);
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.parse(text)).toMatchObject({ status });
  });

  it.each(cases.filter((c) => c.status < 400))("$endpoint.name as $caller → $status", async ({ endpoint, caller, status }) => {
    const res = await call(endpoint, world.callers[caller]);
    const text = await res.text();
    expect(res.status, text).toBe(status);
    endpoint.check?.(JSON.parse(text) as never, world.callers[caller], world);
  });

  /** An organisation each caller does not belong to. */
  const foreignOrg = (caller: Caller) =>
    [world.orgs.companyB, world.orgs.municipalityX, world.orgs.companyA].find((id) => !caller.organizationIds.includes(id))!;
  const headerCases = ENDPOINTS.filter((e) => e.identifies).flatMap((endpoint) =>
    ANYONE_WITH_A_TOKEN.map((caller) => ({ endpoint, caller })),
  );

  it.each(headerCases)("$endpoint.name as $caller naming an organisation it is not in → 403", async ({ endpoint, caller }) => {
    const res = await call(endpoint, world.callers[caller], { "x-renkei-organization": foreignOrg(world.callers[caller]) });
    expect(res.status, await res.text()).toBe(403);
  });

  it.each(headerCases.filter(({ caller }) => caller !== "noMembership"))(
    "$endpoint.name as $caller naming its own organisation → as without the header",
    async ({ endpoint, caller }) => {
      const who = world.callers[caller];
      const res = await call(endpoint, who, { "x-renkei-organization": who.organizationIds[0]! });
      expect(res.status, await res.text()).toBe(endpoint.expected[caller]);
    },
  );

  it("lets a caller in several organisations pick one by organisation or membership id, and nothing else", async () => {
    const coordinator = world.callers.coordinator;
    const me = modules["./me.ts"]!.loader!;
    const audit = modules["./audit.ts"]!.loader!;
    const asDefault = await (await world.app.call(me, { path: "/api/v1/me", token: coordinator.token })).json();
    expect(asDefault.activeMembershipId).toBe(coordinator.membershipIds[0]);
    for (const pick of [world.orgs.municipalityY, coordinator.membershipIds[1]!]) {
      const res = await world.app.call(me, { path: "/api/v1/me", token: coordinator.token, headers: { "x-renkei-organization": pick } });
      expect((await res.json()).activeMembershipId).toBe(coordinator.membershipIds[1]);
      // As desk staff of Y, still no audit log.
      expect(
        (await world.app.call(audit, { path: "/api/v1/audit", token: coordinator.token, headers: { "x-renkei-organization": pick } }))
          .status,
      ).toBe(403);
    }
    // Another user's membership id is not a way in.
    const foreignMembership = world.callers.deskAdminY.membershipIds[0]!;
    expect(
      (await world.app.call(me, { path: "/api/v1/me", token: coordinator.token, headers: { "x-renkei-organization": foreignMembership } }))
        .status,
    ).toBe(403);
    expect(
      (await world.app.call(me, { path: "/api/v1/me", token: coordinator.token, headers: { "x-renkei-organization": "not-an-id" } }))
        .status,
    ).toBe(403);
  });

  it("files a platform admin's change to a municipality under that municipality's audit log", async () => {
    const organizations = modules["./organizations.ts"]!.action!;
    const audit = modules["./audit.ts"]!.loader!;
    const created = await world.app.call(organizations, {
      path: "/api/v1/organizations",
      method: "POST",
      token: world.callers.platformAdmin.token,
      json: { kind: "department", name: "本部が追加した課", parentId: world.orgs.municipalityX },
    });
    expect(created.status).toBe(201);
    const names = async (who: Caller) =>
      (
        (await (await world.app.call(audit, { path: "/api/v1/audit?limit=200", token: who.token })).json()) as { items: AuditItem[] }
      ).items.map((e) => e.after?.name);
    expect(await names(world.callers.deskAdminX)).toContain("本部が追加した課");
    expect(await names(world.callers.deskAdminY)).not.toContain("本部が追加した課");
    expect(await names(world.callers.platformAdmin)).toContain("本部が追加した課");
  });

  it("never lets a desk admin read the audit log of another municipality, whatever the cursor or filter", async () => {
    const audit = modules["./audit.ts"]!.loader!;
    const x = world.callers.deskAdminX;
    const seen: AuditItem[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : "?limit=1";
      const res = await world.app.call(audit, { path: `/api/v1/audit${query}`, token: x.token });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: AuditItem[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && seen.length < 100);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((e) => e.organizationId === world.orgs.municipalityX)).toBe(true);
    const filtered = await (await world.app.call(audit, { path: "/api/v1/audit?action=organization.create", token: x.token })).json();
    expect(filtered.items.map((e: AuditItem) => e.after?.name)).not.toContain("Y環境対策課");
  });
});
