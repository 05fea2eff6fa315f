// The vocabulary of the API tenancy matrix (app/routes/api/tenancy.test.ts): the
// callers, the world they act in, what a row says, and the status shapes and
// paths that rows of more than one feature use. The rows themselves live beside
// each feature's openapi.ts, in features/<name>/tenancy-matrix.ts (the service's
// own endpoints: server/tenancy-matrix.ts), and export `tenancyRows: Endpoint[]`.
// A helper only one feature's rows use stays in that feature's file.
import type { TestApp } from "~/test/harness";

export const CALLERS = [
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
export type CallerName = (typeof CALLERS)[number];

export interface Caller {
  name: CallerName;
  token?: string;
  cookie?: string;
  email?: string;
  userId?: string;
  /** Memberships the caller really has (for /me). */
  membershipIds: string[];
  organizationIds: string[];
}

export interface World {
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
    /** An active agreement between X and companyA whose item departmentStaffX's department carries … */
    activeAgreement: string;
    activeItem: string;
    /** … with a project that department leads, and a monthly KPI of it. */
    project: string;
    kpi: string;
  };
  /** Follows each caller made in setup. */
  follows: Partial<Record<CallerName, string[]>>;
}

export interface CallOptions {
  path: string;
  method?: string;
  json?: unknown;
  /** Multipart uploads. */
  body?: FormData;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** One row of the matrix: a request to one handler of one API route module, and the status each caller gets. */
export interface Endpoint {
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

export const UNAUTHENTICATED: CallerName[] = ["anonymous", "invalidToken", "expiredToken", "sessionCookie"];

/** Every caller gets `status`, except those listed. */
export function statuses(status: number, except: Partial<Record<CallerName, number>> = {}): Record<CallerName, number> {
  return Object.fromEntries(CALLERS.map((c) => [c, except[c] ?? status])) as Record<CallerName, number>;
}
export const only = (callers: CallerName[], status: number) =>
  Object.fromEntries(callers.map((c) => [c, status])) as Partial<Record<CallerName, number>>;
/** 401 without a valid token, 403 with one, `allowed` for the listed callers. */
/** Every caller with a token and a membership gets `status`; no token 401, no membership 403. */
export const anyMember = (status: number) => statuses(status, { ...only(UNAUTHENTICATED, 401), noMembership: 403 });

export const protectedFor = (allowed: Partial<Record<CallerName, number>>) => statuses(403, { ...only(UNAUTHENTICATED, 401), ...allowed });
/** Behind a token, and 404 (never 403) for whoever may not know the thing exists. */
export const confidential = (allowed: Partial<Record<CallerName, number>>) =>
  statuses(404, { ...only(UNAUTHENTICATED, 401), noMembership: 403, ...allowed });

/** Members of X (desk, staff, department) and of companyA: the parties of the agreement. */
export const AGREEMENT_PARTIES: CallerName[] = ["deskAdminX", "deskStaffX", "departmentStaffX", "companyA"];

/** A register with one good row and one that cannot be imported (unknown field): the world's import, and the agreements rows' upload. */
export const registerForm = () => {
  const form = new FormData();
  const csv =
    "協定名,締結先,分野,概要\r\n見守りの協定,株式会社見守りテスト,見守り,高齢者を見守る\r\n宇宙の協定,株式会社宇宙テスト,宇宙開発,宇宙へ行く\r\n";
  form.append("file", new Blob([csv], { type: "text/csv" }), "台帳.csv");
  return form;
};

export interface AuditItem {
  organizationId: string | null;
  after: { name?: string } | null;
}
export interface IdItem {
  id: string;
}
