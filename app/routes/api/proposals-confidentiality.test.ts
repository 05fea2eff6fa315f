// Idea protection (DOMAIN.md "Two ways in"): a proposal and its attachments are
// confidential to the proposer, the municipality's desk and the departments the
// desk shared it with. Every proposal endpoint × every kind of caller → the
// expected status. Outsiders (another company, another municipality's desk, an
// unshared department, another intermediary's coordinator, the platform admin)
// get 404, never 403, and never a byte of the proposal; the public gets 401
// (the API takes tokens only).
//
// The world is built once: one proposal of the same proposer in each of the
// states draft, submitted, screening, accepted (before decision 0032) and in_dialogue (shared with one
// department from screening on), each with a PDF and, once submitted, a message
// and an action item. Calls that should succeed and change something run on a
// fresh proposal in the row's state; every other call runs on the world, which
// must be exactly as it was at the end.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { pdfFile } from "~/test/api-inputs";
import { buildProposal, createDepartment, createMember, createOrganization, type Member } from "~/test/factories";
import * as proposalsApi from "./proposals";
import * as proposalApi from "./proposal";
import * as proposalFileApi from "./proposal-file";
import * as publishedApi from "./published-proposals";

const drivers = await testDrivers();
const pdf = readFileSync(new URL("../../test/fixtures/sample.pdf", import.meta.url));

const CALLERS = [
  "proposer",
  "desk",
  "deskStaff",
  "sharedDepartment",
  "otherCompany",
  "unsharedDepartment",
  "otherDesk",
  "otherCoordinator",
  "platformAdmin",
  "anonymous",
] as const;
type CallerName = (typeof CALLERS)[number];
type Insider = "proposer" | "desk" | "deskStaff" | "sharedDepartment";
const OUTSIDERS: CallerName[] = ["otherCompany", "unsharedDepartment", "otherDesk", "otherCoordinator", "platformAdmin"];

const STATES = ["draft", "submitted", "screening", "accepted", "in_dialogue"] as const;
type State = (typeof STATES)[number];

/** The ids a request needs: the proposal, one of its files, one of its action items. */
interface Target {
  id: string;
  fileId: string;
  itemId: string | null;
}

interface Caller {
  name: CallerName;
  token?: string;
}

interface World {
  app: TestApp;
  callers: Record<CallerName, Caller>;
  localGovCode: string;
  sharedDepartmentId: string;
  /** A department of the same municipality no caller belongs to. */
  thirdDepartmentId: string;
  /** A department of the other municipality. */
  foreignDepartmentId: string;
  proposals: Record<State, Target>;
}

type Handler = (args: never) => Promise<unknown> | unknown;

interface CallOptions {
  path: string;
  method?: string;
  json?: unknown;
  body?: unknown;
  params?: Record<string, string>;
}

interface Row {
  name: string;
  handler: Handler;
  /** The state of the proposal the row is about. */
  state: State;
  /** Changes something when it succeeds: 2xx cases run on a fresh proposal. */
  writes?: boolean;
  /** A list: everyone may call it, and the check decides what they may see in it. */
  list?: boolean;
  request: (t: Target, caller: Caller, w: World) => CallOptions;
  expected: Record<CallerName, number>;
  /** Checks on a 2xx response. */
  check?: (res: Response, caller: Caller, t: Target, w: World) => Promise<void>;
}

/** Outsiders 404, the public 401, insiders as given (404 if not given). */
function confidential(insiders: Partial<Record<Insider, number>>): Record<CallerName, number> {
  return Object.fromEntries(CALLERS.map((c) => [c, c === "anonymous" ? 401 : ((insiders as Record<string, number>)[c] ?? 404)])) as Record<
    CallerName,
    number
  >;
}
const allInsiders = (status: number) => confidential({ proposer: status, desk: status, deskStaff: status, sharedDepartment: status });
/** A desk command: the desk acts, the others who can see it are refused. */
const deskCommand = (status: number, sharedDepartment = 403) =>
  confidential({ desk: status, deskStaff: status, proposer: 403, sharedDepartment });

const content = {
  title: "駅前シェアサイクル実証（社外秘）",
  summary: "駅前広場に電動アシスト自転車のポートを10か所設ける。",
  plan: "2026年度に半年間の実証を行い、利用データを市と共有する。",
  benefitCitizens: "通勤・通学と買い物の移動が楽になる。",
  benefitPartner: "地方都市での需要データが得られる。",
  benefitMunicipality: "バス減便区間の移動手段を補える。",
  fields: ["mobility"],
  method: "project",
  contactName: "提案 太郎",
  contactEmail: "teian@example.jp",
};

const base = (t: Target, rest = "", params: Record<string, string> = {}) => ({
  path: `/api/v1/proposals/${t.id}${rest}`,
  params: { id: t.id, ...params },
});
const post = (t: Target, action: string, json: unknown = {}): CallOptions => ({
  ...base(t, `/${action}`, { action }),
  method: "POST",
  json,
});
const upload = (t: Target): CallOptions => {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "追加資料.pdf");
  return { ...base(t, "/attachments", { action: "attachments" }), method: "POST", body: form };
};

const bodyOf = async <T>(res: Response) => (await res.json()) as T;
interface Detail {
  id: string;
  title: string;
  status: string;
  attachments: { id: string }[];
  shares: { departmentId: string }[];
  declineGrounds: string[];
  declineReason: string | null;
  publishAgreedByDesk: boolean;
  publishAgreedByProposer: boolean;
  publicSummary: string | null;
}
interface Page<T> {
  items: T[];
  total?: number;
}

/** A list either shows something (items and a total) or nothing at all. */
const expectListed = (body: Page<unknown>, shown: boolean) =>
  expect({ items: body.items.length > 0, total: (body.total ?? 0) > 0 }, shown ? "a list with something in it" : "an empty list").toEqual({
    items: shown,
    total: shown,
  });

const statusIs = (status: string) => async (res: Response) => {
  expect((await bodyOf<Detail>(res)).status).toBe(status);
};

/** Which of the world's proposals each caller's list must show. */
const visibleStates: Record<CallerName, readonly State[]> = {
  proposer: STATES,
  desk: ["submitted", "screening", "accepted", "in_dialogue"],
  deskStaff: ["submitted", "screening", "accepted", "in_dialogue"],
  sharedDepartment: ["screening", "accepted", "in_dialogue"],
  otherCompany: [],
  unsharedDepartment: [],
  otherDesk: [],
  otherCoordinator: [],
  platformAdmin: [],
  anonymous: [],
};

const ROWS: Row[] = [
  {
    name: "GET /proposals",
    handler: proposalsApi.loader,
    state: "in_dialogue",
    list: true,
    request: () => ({ path: "/api/v1/proposals?limit=100" }),
    expected: Object.fromEntries(CALLERS.map((c) => [c, c === "anonymous" ? 401 : 200])) as Record<CallerName, number>,
    check: async (res, caller, _t, w) => {
      const body = await bodyOf<Page<{ id: string; title: string }>>(res);
      const ids = body.items.map((p) => p.id);
      for (const state of STATES)
        expect(ids.includes(w.proposals[state].id), `the ${state} proposal listed`).toBe(visibleStates[caller.name].includes(state));
      expectListed(body, !OUTSIDERS.includes(caller.name));
    },
  },
  {
    name: "GET /proposals?status=draft",
    handler: proposalsApi.loader,
    state: "draft",
    list: true,
    request: () => ({ path: "/api/v1/proposals?status=draft&limit=100" }),
    expected: Object.fromEntries(CALLERS.map((c) => [c, c === "anonymous" ? 401 : 200])) as Record<CallerName, number>,
    check: async (res, caller, t) => {
      const body = await bodyOf<Page<{ id: string }>>(res);
      expect(body.items.map((p) => p.id).includes(t.id), "the draft listed").toBe(caller.name === "proposer");
      expectListed(body, caller.name === "proposer");
    },
  },
  {
    name: "GET /proposals?q= (keyword of the proposal)",
    handler: proposalsApi.loader,
    state: "in_dialogue",
    list: true,
    request: () => ({ path: `/api/v1/proposals?q=${encodeURIComponent("シェアサイクル")}&limit=100` }),
    expected: Object.fromEntries(CALLERS.map((c) => [c, c === "anonymous" ? 401 : 200])) as Record<CallerName, number>,
    check: async (res, caller) => expectListed(await bodyOf<Page<{ id: string }>>(res), !OUTSIDERS.includes(caller.name)),
  },
  {
    name: "GET /proposals/published (public summaries)",
    handler: publishedApi.loader,
    state: "in_dialogue",
    list: true,
    request: (_t, _c, w) => ({ path: `/api/v1/proposals/published?municipality=${w.localGovCode}` }),
    expected: Object.fromEntries(CALLERS.map((c) => [c, 200])) as Record<CallerName, number>,
    // Until both sides agree to publish, nothing of a proposal is public.
    check: async (res) => expect((await bodyOf<Page<unknown>>(res)).items).toEqual([]),
  },
  {
    name: "GET /proposals/:id (draft)",
    handler: proposalApi.loader,
    state: "draft",
    request: (t) => base(t),
    expected: confidential({ proposer: 200 }),
  },
  {
    name: "GET /proposals/:id (submitted, not shared yet)",
    handler: proposalApi.loader,
    state: "submitted",
    request: (t) => base(t),
    expected: confidential({ proposer: 200, desk: 200, deskStaff: 200 }),
  },
  {
    name: "GET /proposals/:id",
    handler: proposalApi.loader,
    state: "in_dialogue",
    request: (t) => base(t),
    expected: allInsiders(200),
    check: async (res, _c, t, w) => {
      const body = await bodyOf<Detail>(res);
      expect(body).toMatchObject({ id: t.id, title: content.title, status: "in_dialogue" });
      expect(body.shares.map((s) => s.departmentId)).toEqual([w.sharedDepartmentId]);
    },
  },
  {
    name: "GET /proposals/:id/messages",
    handler: proposalApi.loader,
    state: "in_dialogue",
    request: (t) => base(t, "/messages", { action: "messages" }),
    expected: allInsiders(200),
    check: async (res) =>
      expect((await bodyOf<Page<{ body: string }>>(res)).items.map((m) => m.body)).toContain("初回打合せの候補日です。"),
  },
  {
    name: "GET /proposals/:id/action-items",
    handler: proposalApi.loader,
    state: "in_dialogue",
    request: (t) => base(t, "/action-items", { action: "action-items" }),
    expected: allInsiders(200),
    check: async (res, _c, t) => expect((await bodyOf<Page<{ id: string }>>(res)).items.map((i) => i.id)).toEqual([t.itemId]),
  },
  {
    name: "GET /proposals/:id/access-log",
    handler: proposalApi.loader,
    state: "in_dialogue",
    request: (t) => base(t, "/access-log", { action: "access-log" }),
    // The proposer and the desk; a shared department works on it but does not read the log.
    expected: confidential({ proposer: 200, desk: 200, deskStaff: 200 }),
  },
  {
    name: "GET /proposals/:id/timeline",
    handler: proposalApi.loader,
    state: "in_dialogue",
    request: (t) => base(t, "/timeline", { action: "timeline" }),
    expected: allInsiders(200),
    check: async (res) =>
      expect((await bodyOf<Page<{ toStatus: string }>>(res)).items.map((e) => e.toStatus)).toEqual([
        "submitted",
        "screening",
        "in_dialogue",
      ]),
  },
  {
    name: "GET /proposals/:id/attachments/:fileId",
    handler: proposalFileApi.loader,
    state: "in_dialogue",
    request: (t) => base(t, `/attachments/${t.fileId}`, { fileId: t.fileId }),
    expected: allInsiders(200),
    check: async (res) => {
      expect(res.headers.get("content-disposition")).toContain("attachment");
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    },
  },
  {
    name: "GET /proposals/:id/attachments/:fileId (draft)",
    handler: proposalFileApi.loader,
    state: "draft",
    request: (t) => base(t, `/attachments/${t.fileId}`, { fileId: t.fileId }),
    expected: confidential({ proposer: 200 }),
  },
  {
    name: "GET /proposals/:id/attachments/:fileId (a file of another proposal)",
    handler: proposalFileApi.loader,
    state: "in_dialogue",
    request: (t, _c, w) => base(t, `/attachments/${w.proposals.submitted.fileId}`, { fileId: w.proposals.submitted.fileId }),
    expected: confidential({}),
  },

  // Changes. Drafts are the proposer's alone.
  {
    name: "PATCH /proposals/:id (draft)",
    handler: proposalApi.action,
    state: "draft",
    writes: true,
    request: (t) => ({ ...base(t), method: "PATCH", json: { title: "書き換えた題名" } }),
    expected: confidential({ proposer: 200 }),
    check: async (res) => expect((await bodyOf<Detail>(res)).title).toBe("書き換えた題名"),
  },
  {
    name: "PATCH /proposals/:id (submitted)",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => ({ ...base(t), method: "PATCH", json: { title: "書き換えた題名" } }),
    expected: confidential({ proposer: 409, desk: 403, deskStaff: 403, sharedDepartment: 403 }),
  },
  {
    name: "POST /proposals/:id/attachments (draft)",
    handler: proposalApi.action,
    state: "draft",
    writes: true,
    request: (t) => upload(t),
    expected: confidential({ proposer: 200 }),
    check: async (res) => expect((await bodyOf<Detail>(res)).attachments).toHaveLength(2),
  },
  {
    name: "POST /proposals/:id/attachments (submitted)",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => upload(t),
    expected: confidential({ proposer: 409, desk: 403, deskStaff: 403, sharedDepartment: 403 }),
  },
  {
    name: "POST /proposals/:id/submit (draft)",
    handler: proposalApi.action,
    state: "draft",
    writes: true,
    request: (t) => post(t, "submit"),
    expected: confidential({ proposer: 200 }),
    check: statusIs("submitted"),
  },
  {
    name: "POST /proposals/:id/submit (again, in dialogue)",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "submit"),
    expected: confidential({ proposer: 200, desk: 403, deskStaff: 403, sharedDepartment: 403 }),
    check: statusIs("in_dialogue"),
  },
  {
    name: "POST /proposals/:id/withdraw",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "withdraw", { note: "社内事情により" }),
    expected: confidential({ proposer: 200, desk: 403, deskStaff: 403, sharedDepartment: 403 }),
    check: statusIs("withdrawn"),
  },
  {
    name: "POST /proposals/:id/start-screening",
    handler: proposalApi.action,
    state: "submitted",
    writes: true,
    request: (t) => post(t, "start-screening"),
    // Not shared yet: the department does not know of it.
    expected: deskCommand(200, 404),
    check: statusIs("screening"),
  },
  {
    name: "POST /proposals/:id/decline",
    handler: proposalApi.action,
    state: "screening",
    writes: true,
    request: (t) => post(t, "decline", { grounds: ["advertising_only"], reason: "自社製品の宣伝が主な目的と判断しました。" }),
    expected: deskCommand(200),
    check: async (res) =>
      expect(await bodyOf<Detail>(res)).toMatchObject({
        status: "declined",
        declineGrounds: ["advertising_only"],
        declineReason: "自社製品の宣伝が主な目的と判断しました。",
      }),
  },
  {
    name: "POST /proposals/:id/decline (no ground, no reason)",
    handler: proposalApi.action,
    state: "screening",
    writes: true,
    request: (t) => post(t, "decline", { grounds: [], reason: "" }),
    expected: deskCommand(422),
  },
  {
    name: "POST /proposals/:id/accept",
    handler: proposalApi.action,
    state: "screening",
    writes: true,
    request: (t) => post(t, "accept"),
    expected: deskCommand(200),
    check: statusIs("in_dialogue"),
  },
  {
    name: "POST /proposals/:id/accept (already in dialogue)",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "accept"),
    expected: deskCommand(409),
  },
  {
    name: "POST /proposals/:id/start-dialogue",
    handler: proposalApi.action,
    state: "accepted",
    writes: true,
    request: (t) => post(t, "start-dialogue"),
    expected: deskCommand(200),
    check: statusIs("in_dialogue"),
  },
  {
    name: "POST /proposals/:id/prepare-agreement",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "prepare-agreement"),
    expected: deskCommand(200),
    check: statusIs("agreement_preparation"),
  },
  {
    name: "POST /proposals/:id/implement-without-agreement",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "implement-without-agreement"),
    expected: deskCommand(200),
    check: statusIs("implementing"),
  },
  {
    name: "POST /proposals/:id/move-to-procurement",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "move-to-procurement"),
    expected: deskCommand(200),
    check: statusIs("procurement"),
  },
  {
    name: "POST /proposals/:id/close",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "close"),
    expected: deskCommand(200),
    check: statusIs("closed"),
  },
  {
    name: "POST /proposals/:id/share",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t, _c, w) => post(t, "share", { departmentIds: [w.thirdDepartmentId] }),
    expected: deskCommand(200),
    check: async (res, _c, _t, w) =>
      expect((await bodyOf<Detail>(res)).shares.map((s) => s.departmentId).sort()).toEqual(
        [w.sharedDepartmentId, w.thirdDepartmentId].sort(),
      ),
  },
  {
    name: "POST /proposals/:id/share (a department of another municipality)",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t, _c, w) => post(t, "share", { departmentIds: [w.foreignDepartmentId] }),
    expected: deskCommand(422),
  },
  {
    name: "POST /proposals/:id/messages",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t, c) => post(t, "messages", { body: `${c.name} からの連絡です。` }),
    expected: allInsiders(201),
  },
  {
    name: "POST /proposals/:id/action-items",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "action-items", { title: "利用データの項目を決める", ownerName: "交通政策課" }),
    expected: allInsiders(201),
  },
  {
    name: "POST /proposals/:id/action-items/:itemId/done",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => ({ ...base(t, `/action-items/${t.itemId}/done`, { itemId: t.itemId! }), method: "POST" }),
    expected: allInsiders(200),
  },
  {
    name: "POST /proposals/:id/publication",
    handler: proposalApi.action,
    state: "in_dialogue",
    writes: true,
    request: (t) => post(t, "publication", { agree: true, summary: "駅前のシェアサイクル実証（公開用要約）" }),
    // Consent is the proposer's and the desk's; a shared department has no say.
    expected: confidential({ proposer: 200, desk: 200, deskStaff: 200, sharedDepartment: 403 }),
    check: async (res, caller) =>
      expect(await bodyOf<Detail>(res)).toMatchObject(
        caller.name === "proposer"
          ? { publishAgreedByProposer: true, publishAgreedByDesk: false }
          : { publishAgreedByDesk: true, publishAgreedByProposer: false, publicSummary: "駅前のシェアサイクル実証（公開用要約）" },
      ),
  },
];

describe.each(drivers)("proposal confidentiality on %s", (kind) => {
  const world = {} as World;
  let snapshot: string;
  /** The proposer and the desk of the world's proposals. */
  let proposer: Member;
  let desk: Member;

  async function call(handler: Handler, caller: Caller, options: CallOptions) {
    return world.app.call(handler, { ...options, body: options.body as string | undefined, token: caller.token });
  }

  async function ok(handler: Handler, caller: Caller, options: CallOptions) {
    const res = await call(handler, caller, options);
    if (res.status >= 300)
      throw new Error(`${options.method ?? "GET"} ${options.path} as ${caller.name}: ${res.status} ${await res.text()}`);
    return res;
  }

  /** One proposal of the proposer with a PDF, walked to `state` (shared from screening on); once submitted, with a message and an action item of the desk. */
  async function build(state: State): Promise<Target> {
    const sharedWith = state === "draft" || state === "submitted" ? undefined : [world.sharedDepartmentId];
    const built = await buildProposal(world.app.runtime, { proposer, desk, status: state, sharedWith, input: content, files: [pdfFile()] });
    const t: Target = { id: built.id, fileId: built.attachmentIds[0]!, itemId: null };
    if (state === "draft") return t;
    await ok(proposalApi.action, world.callers.desk, post(t, "messages", { body: "初回打合せの候補日です。" }));
    t.itemId = (
      await bodyOf<{ id: string }>(
        await ok(
          proposalApi.action,
          world.callers.desk,
          post(t, "action-items", { title: "実証の場所を決める", ownerName: "公民連携デスク" }),
        ),
      )
    ).id;
    return t;
  }

  /** Everything about the world's proposals that a call could change, as the proposer sees it. */
  async function takeSnapshot(): Promise<string> {
    const proposer = world.callers.proposer;
    const out: unknown[] = [];
    for (const state of STATES) {
      const t = world.proposals[state];
      const {
        id,
        title,
        status,
        attachments,
        shares,
        declineGrounds,
        declineReason,
        publishAgreedByDesk,
        publishAgreedByProposer,
        publicSummary,
      } = await bodyOf<Detail>(await ok(proposalApi.loader, proposer, base(t)));
      const messages = await bodyOf<Page<unknown>>(await ok(proposalApi.loader, proposer, base(t, "/messages", { action: "messages" })));
      const items = await bodyOf<Page<unknown>>(
        await ok(proposalApi.loader, proposer, base(t, "/action-items", { action: "action-items" })),
      );
      const timeline = await bodyOf<Page<unknown>>(await ok(proposalApi.loader, proposer, base(t, "/timeline", { action: "timeline" })));
      out.push({
        id,
        title,
        status,
        attachments,
        shares,
        declineGrounds,
        declineReason,
        publishAgreedByDesk,
        publishAgreedByProposer,
        publicSummary,
        messages,
        items,
        timeline,
      });
    }
    return JSON.stringify(out);
  }

  beforeAll(async () => {
    const app = await startTestApp(kind);
    world.app = app;
    const { runtime } = app;
    const municipality = await createOrganization(runtime.db, { kind: "municipality" });
    proposer = await createMember(runtime, { role: "member" });
    desk = await createMember(runtime, { role: "desk_admin", organizationId: municipality.id });
    const deskStaff = await createMember(runtime, { role: "desk_staff", organizationId: municipality.id });
    const sharedDepartment = await createMember(runtime, { role: "department_staff", organizationId: municipality.id });
    const unsharedDepartment = await createMember(runtime, { role: "department_staff", organizationId: municipality.id });
    const otherCompany = await createMember(runtime, { role: "member" });
    const otherDesk = await createMember(runtime, { role: "desk_admin" });
    const otherCoordinator = await createMember(runtime, { role: "coordinator" });
    const platformAdmin = await createMember(runtime, { role: "platform_admin" });
    const people = {
      proposer,
      desk,
      deskStaff,
      sharedDepartment,
      otherCompany,
      unsharedDepartment,
      otherDesk,
      otherCoordinator,
      platformAdmin,
    };
    world.callers = {
      ...(Object.fromEntries(Object.entries(people).map(([name, m]) => [name, { name, token: m.token }])) as Record<
        Exclude<CallerName, "anonymous">,
        Caller
      >),
      anonymous: { name: "anonymous" },
    };
    world.localGovCode = municipality.localGovCode!;
    world.sharedDepartmentId = sharedDepartment.departmentId!;
    world.thirdDepartmentId = (await createDepartment(runtime.db, municipality.id)).id;
    world.foreignDepartmentId = (await createDepartment(runtime.db, otherDesk.organizationId)).id;
    world.proposals = {} as Record<State, Target>;
    for (const state of STATES) world.proposals[state] = await build(state);
    snapshot = await takeSnapshot();
  });

  afterAll(async () => {
    await world.app?.close();
  });

  it("covers every workflow command of the API", () => {
    const posted = new Set(ROWS.map((r) => /^POST \/proposals\/:id\/([a-z-]+)/.exec(r.name)?.[1]).filter(Boolean));
    for (const verb of [
      "submit",
      "withdraw",
      "start-screening",
      "decline",
      "accept",
      "start-dialogue",
      "prepare-agreement",
      "implement-without-agreement",
      "move-to-procurement",
      "close",
    ]) {
      expect(posted, verb).toContain(verb);
    }
  });

  const cases = ROWS.flatMap((row) => CALLERS.map((caller) => ({ row, caller, status: row.expected[caller] })));

  // Refusals run on the world, which must stay as it is.
  it.each(cases.filter((c) => c.status >= 400))("$row.name as $caller → $status", async ({ row, caller, status }) => {
    const who = world.callers[caller];
    const target = world.proposals[row.state];
    const res = await call(row.handler, who, row.request(target, who, world));
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.parse(text)).toMatchObject({ status });
    // Not a word of the proposal in a refusal.
    expect(text).not.toContain(content.title);
    expect(text).not.toContain(target.id);
  });

  // A change that succeeds gets a fresh proposal in the row's state.
  it.each(cases.filter((c) => c.status < 400))("$row.name as $caller → $status", async ({ row, caller, status }) => {
    expect(OUTSIDERS.includes(caller) && !row.list, "an outsider let in (only lists answer outsiders, with nothing)").toBe(false);
    const who = world.callers[caller];
    const target = row.writes ? await build(row.state) : world.proposals[row.state];
    const res = await call(row.handler, who, row.request(target, who, world));
    expect(res.status, await res.clone().text()).toBe(status);
    await row.check?.(res, who, target, world);
  });

  it("left the world as it was: no refused call changed anything", async () => {
    expect(await takeSnapshot()).toBe(snapshot);
  });
});
