// The OpenAPI document (server/openapi) against what the API really is:
// - it is valid OpenAPI 3.1;
// - like the tenancy matrix, it covers every api/v1 route of app/routes.ts
//   and every method the route's module handles — a method answered with
//   anything but 404/405 must be documented;
// - every operation, called for real through the whole request pipeline on a
//   database with the demo data, answers a documented status and content
//   type, and a JSON body that matches the documented schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchRoutes } from "react-router";
import { validate } from "@readme/openapi-parser";
import { freshDatabase, testDrivers } from "~/test/database";
import { pipelineHandler, pipelineRoutes } from "~/test/pipeline";
import { answerChecker } from "~/test/openapi";
import { pdfForm, validKpi, validMeeting, validProposal, validTheme } from "~/test/api-inputs";
import { acceptBeforeDialogue } from "~/test/helpers";
import { apiRoutes } from "~/test/fuzz/campaign";
import { readConfig } from "~/server/config.server";
import { createRuntime, type Runtime } from "~/server/runtime.server";
import { HTTP_METHODS, openApiDocument } from "~/server/openapi/document.server";
import { DEMO_PASSWORD } from "~/demo/identity";

const drivers = await testDrivers();
const config = {
  ...readConfig({ PORT: "3999", RENKEI_SECRET: "test-secret-test-secret-test-secret-00" } as NodeJS.ProcessEnv),
  seedDemo: true,
  runJobs: false,
};
const doc = openApiDocument({ version: config.version, baseUrl: config.baseUrl });
const check = answerChecker(doc);

const routes = pipelineRoutes();
const apiV1 = routes.filter((r) => r.path.startsWith("api/v1"));
const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

const routeObjects = routes.map((r) => ({ id: r.id, path: r.path }));
const served = new Map<string, string | undefined>();
/** The route of app/routes.ts that serves a documented path, as React Router would pick it. */
function routeServing(template: string): string | undefined {
  if (!served.has(template)) served.set(template, matchRoutes(routeObjects, template.replace(/\{[^}]+\}/g, SAMPLE_ID))?.at(-1)?.route.id);
  return served.get(template);
}

const documented = Object.entries(doc.paths ?? {}).flatMap(([template, item]) =>
  HTTP_METHODS.filter((m) => item[m]).map((m) => ({ template, method: m.toUpperCase() })),
);

/** Loaders that exist only to answer 404 (a problem document rather than React Router's 405). */
const NOT_A_GET = new Set(["api/v1/tokens"]);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result, null, 2)).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("covers every api/v1 route in app/routes.ts and each handler of its module", () => {
    expect(apiV1.length).toBeGreaterThanOrEqual(40);
    for (const route of apiV1) {
      expect(
        documented.some((o) => routeServing(o.template) === route.id),
        `/${route.path} (${route.file}) is not in the OpenAPI document`,
      ).toBe(true);
    }
    // A module may serve several URL shapes (app/routes.ts): its handlers must be documented for one of them.
    for (const file of new Set(apiV1.map((r) => r.file))) {
      const shapes = apiV1.filter((r) => r.file === file);
      const ops = documented.filter((o) => shapes.some((r) => routeServing(o.template) === r.id));
      const servesGet = shapes[0]!.hasLoader && !shapes.every((r) => NOT_A_GET.has(r.path));
      expect(
        ops.some((o) => o.method === "GET"),
        `a GET of ${file} is documented`,
      ).toBe(servesGet);
      expect(
        ops.some((o) => o.method !== "GET"),
        `a POST/PUT/PATCH/DELETE of ${file} is documented`,
      ).toBe(shapes[0]!.hasAction);
    }
  });

  it("documents only what app/routes.ts serves", () => {
    for (const { template, method } of documented) {
      const route = routes.find((r) => r.id === routeServing(template));
      expect(route?.path.startsWith("api/v1"), `${method} ${template} is served by no api/v1 route`).toBe(true);
      expect(
        method === "GET" ? route!.hasLoader : route!.hasAction,
        `${method} ${template}: ${route!.file} has no ${method === "GET" ? "loader" : "action"}`,
      ).toBe(true);
    }
  });

  it("refuses answers that differ from it", () => {
    const me = {
      user: { id: SAMPLE_ID, name: "連携 花子", email: "desk@example.jp", locale: "ja", emailNotifications: true },
      activeMembershipId: null,
      memberships: [],
    };
    expect(check("GET", "/api/v1/me", 200, "application/json", JSON.stringify(me))).toEqual([]);
    expect(check("GET", "/api/v1/me", 200, "application/json", JSON.stringify({ ...me, secret: "x" }))).not.toEqual([]);
    expect(check("GET", "/api/v1/me", 200, "application/json", JSON.stringify({ ...me, user: { ...me.user, id: 1 } }))).not.toEqual([]);
    expect(check("GET", "/api/v1/me", 200, "text/html", "<p>")).not.toEqual([]);
    expect(check("GET", "/api/v1/me", 202, "application/json", "{}")).not.toEqual([]);
    expect(
      check(
        "GET",
        "/api/v1/me",
        404,
        "application/problem+json",
        JSON.stringify({ type: "t", title: "見つかりません。", status: 404, code: "not_found", requestId: "r" }),
      ),
    ).toEqual([]);
    expect(check("GET", "/api/v1/me", 404, "application/problem+json", JSON.stringify({ status: 404 }))).not.toEqual([]);
    expect(check("DELETE", "/api/v1/me", 200, "application/json", "{}")).not.toEqual([]);
  });

  it("describes every error as the one problem document", () => {
    for (const [name, response] of Object.entries(doc.components?.responses ?? {})) {
      expect(Object.keys((response as { content?: object }).content ?? {}), name).toEqual(["application/problem+json"]);
    }
  });
});

type Caller = "anonymous" | "desk" | "department" | "company" | "admin";

interface CallOptions {
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  body: Record<string, unknown> & { id?: string };
}

const registerForm = (title: string) => {
  const form = new FormData();
  const csv = `協定名,締結先,分野,概要\r\n${title}の協定,株式会社${title},見守り,高齢者を見守る\r\n${title}の第二協定,株式会社${title},見守り,子どもを見守る\r\n`;
  form.append("file", new Blob([csv], { type: "text/csv" }), "台帳.csv");
  return form;
};
describe.each(drivers)("answers of the API against the OpenAPI document on %s", (kind) => {
  let runtime: Runtime;
  let send: (request: Request) => Promise<Response>;
  const tokens: Partial<Record<Caller, string>> = {};
  /** "METHOD template" of each operation that answered with a 2xx. */
  const succeeded = new Set<string>();
  /** Ids the route patterns of app/routes.ts are filled with (for the probe). */
  const ids: Record<string, string> = {};

  /** Calls `METHOD /template` through the pipeline and checks the answer against the document. */
  async function call(caller: Caller, operation: string, options: CallOptions = {}, expected?: number): Promise<Answer> {
    const [method, template] = operation.split(" ") as [string, string];
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? `missing-${name}`);
    const headers = new Headers(options.headers);
    if (tokens[caller]) headers.set("authorization", `Bearer ${tokens[caller]}`);
    let body = options.body;
    if (options.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(options.json);
    }
    const res = await send(new Request(new URL(`${path}${options.query ?? ""}`, config.baseUrl), { method, headers, body }));
    const contentType = res.headers.get("content-type") ?? "";
    const json = /[/+]json\b/.test(contentType);
    // Read to the end (a stream's work finishes with it); of files, calendars and streams only the content type is checked.
    const raw = await res.text();
    const text = json || res.status === 204 ? raw : "";
    expect(check(method, template, res.status, contentType, text), `${operation} as ${caller}`).toEqual([]);
    expect(res.status, `${operation} as ${caller}: ${text}`).toBe(expected ?? res.status);
    if (res.status < 300) succeeded.add(`${method} ${template}`);
    return { status: res.status, body: json && text ? (JSON.parse(text) as Answer["body"]) : {} };
  }

  beforeAll(async () => {
    runtime = await createRuntime(config, { database: await freshDatabase(kind), migrate: false, log: () => undefined });
    send = pipelineHandler(runtime);
    const emails: Record<Exclude<Caller, "anonymous">, string> = {
      desk: "desk@demo.renkei.example",
      department: "dept@demo.renkei.example",
      company: "company@demo.renkei.example",
      admin: "admin@demo.renkei.example",
    };
    for (const [caller, email] of Object.entries(emails)) {
      tokens[caller as Caller] = (await call("anonymous", "POST /api/v1/tokens", { json: { email, password: DEMO_PASSWORD } }, 201)).body
        .token as string;
    }
  }, 180_000);
  afterAll(() => runtime?.close());

  it("answers every documented operation as documented", async () => {
    // System and account.
    await call("anonymous", "POST /api/v1/tokens", { json: { email: "company@demo.renkei.example", password: "wrong-password" } }, 401);
    await call("anonymous", "GET /api/v1/health", {}, 200);
    await call("anonymous", "GET /api/v1/openapi.json", {}, 200);
    await call("anonymous", "GET /api/v1/me", {}, 401);
    type Me = { memberships: { organizationId: string; departmentId: string | null }[] };
    const deskOrg = ((await call("desk", "GET /api/v1/me", {}, 200)).body as unknown as Me).memberships[0]!.organizationId;
    const companyOrg = ((await call("company", "GET /api/v1/me", {}, 200)).body as unknown as Me).memberships[0]!.organizationId;
    const departmentId = ((await call("department", "GET /api/v1/me", {}, 200)).body as unknown as Me).memberships[0]!.departmentId!;
    await call("company", "GET /api/v1/notifications", {}, 200);
    const follows = (await call("desk", "POST /api/v1/follows", { json: { kind: "field", value: "mobility" } }, 201)).body.items as {
      id: string;
      value: string;
    }[];
    ids.follow = follows.find((f) => f.value === "mobility")!.id;
    await call("desk", "GET /api/v1/follows", {}, 200);
    await call("desk", "POST /api/v1/calendar-feed", {}, 201);
    await call("anonymous", "GET /api/v1/municipalities", { query: `?q=${encodeURIComponent("守口")}` }, 200);
    await call("admin", "GET /api/v1/organizations", { query: "?limit=100" }, 200);
    await call("desk", "GET /api/v1/organizations", {}, 403);
    await call("desk", "POST /api/v1/organizations", { json: { kind: "department", name: "公民連携推進課", parentId: deskOrg } }, 201);
    await call("desk", "POST /api/v1/organizations", { json: { kind: "department" } }, 422);
    await call("desk", "GET /api/v1/audit", { query: "?limit=200" }, 200);
    await call("company", "GET /api/v1/me/mail-preferences", {}, 200);
    await call("company", "PUT /api/v1/me/mail-preferences", { json: { meetings: "daily" } }, 200);
    await call("desk", "GET /api/v1/audit/export.csv", { query: "?action=proposal.submit&encoding=shift_jis" }, 200);

    // Theme calls.
    await call("anonymous", "GET /api/v1/themes", { query: "?status=all&limit=100" }, 200);
    ids.theme = (await call("desk", "POST /api/v1/themes", { json: validTheme }, 201)).body.id!;
    const themeId = { params: { id: ids.theme } };
    await call("desk", "PATCH /api/v1/themes/{id}", { ...themeId, json: { goal: "予約制の乗合交通を通年で試したい。" } }, 200);
    ids.themeFile = (
      (await call("desk", "POST /api/v1/themes/{id}/attachments", { ...themeId, body: pdfForm() }, 200)).body.attachments as {
        id: string;
      }[]
    )[0]!.id;
    await call("anonymous", "GET /api/v1/themes/{id}", themeId, 404);
    await call("desk", "GET /api/v1/themes/{id}", themeId, 200);
    await call("desk", "GET /api/v1/themes/{id}/attachments/{fileId}", { params: { id: ids.theme, fileId: ids.themeFile } }, 200);
    await call("desk", "POST /api/v1/themes/{id}/publish", themeId, 200);
    await call("desk", "POST /api/v1/themes/{id}/publish", themeId, 409);
    await call("anonymous", "GET /api/v1/themes/{id}", themeId, 200);
    await call("desk", "POST /api/v1/themes/{id}/close", themeId, 200);

    // Proposals: one taken through screening and dialogue to an agreement, others to each other end.
    const localGovCode = (await call("desk", "GET /api/v1/themes/{id}", themeId, 200)).body.localGovCode as string;
    await call("anonymous", "GET /api/v1/proposals/published", { query: `?municipality=${localGovCode}` }, 200);
    const propose = async (key: string) =>
      (
        await call(
          "company",
          "POST /api/v1/proposals",
          { json: { ...validProposal, municipalityCode: localGovCode }, headers: { "idempotency-key": key } },
          201,
        )
      ).body.id!;
    const proposal = { params: { id: "" } };
    proposal.params.id = ids.proposal = await propose("openapi-1");
    await call(
      "company",
      "POST /api/v1/proposals",
      { json: { ...validProposal, municipalityCode: localGovCode }, headers: { "idempotency-key": "openapi-1" } },
      200,
    );
    await call("company", "PATCH /api/v1/proposals/{id}", { ...proposal, json: { title: "予約制乗合タクシーの実証（改訂）" } }, 200);
    ids.proposalFile = (
      (await call("company", "POST /api/v1/proposals/{id}/attachments", { ...proposal, body: pdfForm() }, 200)).body.attachments as {
        id: string;
      }[]
    )[0]!.id;
    await call("company", "POST /api/v1/proposals/{id}/submit", proposal, 200);
    // A second draft, given up: deleted.
    await call("company", "DELETE /api/v1/proposals/{id}", { params: { id: await propose("openapi-abandoned") } }, 204);
    await call("desk", "GET /api/v1/proposals", { query: "?limit=100" }, 200);
    await call("desk", "GET /api/v1/proposals/{id}", proposal, 200);
    await call("desk", "POST /api/v1/proposals/{id}/start-screening", proposal, 200);
    await call("desk", "POST /api/v1/proposals/{id}/share", { ...proposal, json: { departmentIds: [departmentId] } }, 200);
    await call("department", "GET /api/v1/proposals/{id}", proposal, 200);
    await call("desk", "POST /api/v1/proposals/{id}/accept", { ...proposal, json: { note: "対話を始めます。" } }, 200);
    await call("company", "POST /api/v1/proposals/{id}/messages", { ...proposal, json: { body: "資料を追加しました。" } }, 201);
    await call("desk", "GET /api/v1/proposals/{id}/messages", proposal, 200);
    ids.proposalItem = (
      await call(
        "desk",
        "POST /api/v1/proposals/{id}/action-items",
        { ...proposal, json: { title: "実証区域の案", ownerName: "交通政策課", dueDate: "2099-06-30" } },
        201,
      )
    ).body.id!;
    await call("desk", "GET /api/v1/proposals/{id}/action-items", proposal, 200);
    await call(
      "desk",
      "POST /api/v1/proposals/{id}/action-items/{itemId}/done",
      { params: { id: ids.proposal, itemId: ids.proposalItem } },
      200,
    );
    await call("company", "GET /api/v1/proposals/{id}/access-log", proposal, 200);
    await call("desk", "GET /api/v1/proposals/{id}/timeline", proposal, 200);
    await call("desk", "GET /api/v1/proposals/{id}/attachments/{fileId}", { params: { id: ids.proposal, fileId: ids.proposalFile } }, 200);
    await call(
      "desk",
      "POST /api/v1/proposals/{id}/publication",
      { ...proposal, json: { agree: true, summary: "郊外での乗合タクシーの実証。" } },
      200,
    );
    await call("desk", "POST /api/v1/proposals/{id}/prepare-agreement", proposal, 200);
    const fromProposal = (await call("desk", "POST /api/v1/agreements", { json: { fromProposal: ids.proposal } }, 201)).body.id!;
    expect(fromProposal).toBeTruthy();
    const submitted = async (key: string) => {
      const id = await propose(key);
      await call("company", "POST /api/v1/proposals/{id}/submit", { params: { id } }, 200);
      return { params: { id } };
    };
    await call(
      "desk",
      "POST /api/v1/proposals/{id}/decline",
      { ...(await submitted("openapi-2")), json: { grounds: ["advertising_only"], reason: "宣伝だけが目的と判断しました。" } },
      200,
    );
    await call("company", "POST /api/v1/proposals/{id}/withdraw", await submitted("openapi-3"), 200);
    const inDialogue = async (key: string) => {
      const p = await submitted(key);
      await call("desk", "POST /api/v1/proposals/{id}/accept", p, 200);
      return p;
    };
    // A proposal accepted before decision 0032 still starts its dialogue.
    const legacy = await submitted("openapi-legacy");
    await call("desk", "POST /api/v1/proposals/{id}/start-screening", legacy, 200);
    await acceptBeforeDialogue(runtime.db, legacy.params.id);
    await call("desk", "POST /api/v1/proposals/{id}/start-dialogue", legacy, 200);
    const implementing = await inDialogue("openapi-4");
    await call("desk", "POST /api/v1/proposals/{id}/implement-without-agreement", implementing, 200);
    await call("desk", "POST /api/v1/proposals/{id}/close", implementing, 200);
    await call("desk", "POST /api/v1/proposals/{id}/move-to-procurement", await inDialogue("openapi-5"), 200);
    await call("desk", "GET /api/v1/role-matrix", {}, 200);
    await call(
      "desk",
      "PUT /api/v1/role-matrix",
      { json: { entries: [{ method: "project", stage: "intake", desk: "lead", department: "involved" }] } },
      200,
    );

    // Agreements: A through its whole life, B signed and terminated.
    const draft = {
      title: "X市とA社の連携協定",
      method: "project",
      partnerIds: [companyOrg],
      purpose: "移動手段の確保",
      startsOn: "2026-04-01",
      endsOn: "2027-03-31",
      items: [{ title: "乗合交通の実証", field: "mobility" }],
    };
    const agreement = { params: { id: "" } };
    agreement.params.id = ids.agreement = (await call("desk", "POST /api/v1/agreements", { json: draft }, 201)).body.id!;
    await call("desk", "GET /api/v1/agreements", {}, 200);
    await call("desk", "GET /api/v1/agreements/{id}", agreement, 200);
    await call("desk", "PATCH /api/v1/agreements/{id}", { ...agreement, json: { purpose: "移動手段の確保（改訂）" } }, 200);
    await call(
      "desk",
      "POST /api/v1/agreements/{id}/contacts",
      { ...agreement, json: { organizationId: companyOrg, rank: "primary", personName: "未来 翔" } },
      200,
    );
    const contacts = (await call("company", "GET /api/v1/agreements/{id}", agreement, 200)).body.contacts as { id: string }[];
    await call(
      "desk",
      "POST /api/v1/agreements/{id}/handovers",
      { ...agreement, json: { contactId: contacts[0]!.id, personName: "未来 次郎", notes: "実証の経緯を引き継いだ。" } },
      200,
    );
    await call("desk", "GET /api/v1/agreements/{id}/document.docx", agreement, 200);
    const signed = async (target: { params: { id: string } }) => {
      await call("desk", "POST /api/v1/agreements/{id}/submit-for-approval", target, 200);
      for (;;) {
        const steps = (await call("desk", "GET /api/v1/agreements/{id}", target, 200)).body.approvals as { id: string; status: string }[];
        const next = steps.find((s) => s.status === "pending");
        if (!next) break;
        await call(
          "desk",
          "POST /api/v1/agreements/{id}/approvals",
          { ...target, json: { stepId: next.id, decision: "approved", approverName: "決裁 者", decidedOn: "2026-11-30" } },
          200,
        );
      }
      await call(
        "desk",
        "POST /api/v1/agreements/{id}/sign",
        { ...target, json: { signedOn: "2026-12-01", isPublic: true, publicSummary: "移動手段の確保に向けた連携。" } },
        200,
      );
    };
    await signed(agreement);
    await call("desk", "POST /api/v1/agreements/{id}/activate", agreement, 200);
    await call("desk", "POST /api/v1/agreements/{id}/amend", { ...agreement, json: { reason: "実証区域の追加" } }, 200);
    await call("anonymous", "GET /api/v1/agreements/public", { query: `?municipality=${localGovCode}` }, 200);
    await call("anonymous", "GET /api/v1/agreements/public/{id}", agreement, 200);
    await call("desk", "GET /api/v1/agreements/export.csv", { query: "?encoding=shift_jis" }, 200);
    await call("desk", "GET /api/v1/agreements/export.xlsx", {}, 200);

    // Meetings of A.
    await call("company", "GET /api/v1/agreements/{id}/meetings", agreement, 200);
    ids.meeting = (await call("desk", "POST /api/v1/agreements/{id}/meetings", { ...agreement, json: validMeeting }, 201)).body.id!;
    const meeting = { params: { id: ids.meeting } };
    await call("company", "GET /api/v1/meetings/{id}", meeting, 200);
    await call("desk", "PATCH /api/v1/meetings/{id}", { ...meeting, json: { minutes: "議事録を記録した。" } }, 200);
    const items = (
      await call(
        "desk",
        "POST /api/v1/meetings/{id}/action-items",
        { ...meeting, json: { title: "区域案を作る", ownerName: "A社", dueDate: "2099-06-30" } },
        201,
      )
    ).body.actionItems as { id: string }[];
    ids.meetingItem = items[0]!.id;
    await call("company", "POST /api/v1/meeting-action-items/{id}/done", { params: { id: ids.meetingItem } }, 200);
    await call("company", "GET /api/v1/meetings/{id}/meeting.ics", meeting, 200);

    // Projects, plans, KPIs and figures of A.
    const itemId = ((await call("company", "GET /api/v1/agreements/{id}/projects", agreement, 200)).body.items as { id: string }[])[0]!.id;
    await call("desk", "POST /api/v1/agreements/{id}/projects", { ...agreement, json: { title: "区域", itemIds: [] } }, 422);
    ids.project = (
      await call(
        "desk",
        "POST /api/v1/agreements/{id}/projects",
        {
          ...agreement,
          json: { title: "乗合タクシーの実証運行", itemIds: [itemId], leadDepartmentId: departmentId, partnerOrgId: companyOrg },
        },
        201,
      )
    ).body.id!;
    const project = { params: { id: ids.project } };
    await call("company", "GET /api/v1/projects/{id}", project, 200);
    await call("department", "PATCH /api/v1/projects/{id}", { ...project, json: { status: "active" } }, 200);
    await call(
      "department",
      "PUT /api/v1/projects/{id}/plans/{fiscalYear}",
      {
        params: { id: ids.project, fiscalYear: "2026" },
        json: {
          goals: "月100人の利用",
          milestones: [{ title: "運行開始", dueOn: "2026-07-01" }],
          resources: [{ partyOrgId: companyOrg, kind: "data", description: "乗降データ" }],
        },
      },
      200,
    );
    await call("desk", "POST /api/v1/projects/{id}/kpis", { ...project, json: { ...validKpi, unit: "", targetValue: "向上" } }, 422);
    ids.kpi = (await call("desk", "POST /api/v1/projects/{id}/kpis", { ...project, json: validKpi }, 201)).body.id!;
    const kpi = { params: { id: ids.kpi } };
    await call("company", "POST /api/v1/kpis/{id}/measurements", { ...kpi, json: { periodStart: "2026-04-01", value: 85 } }, 201);
    await call("company", "POST /api/v1/kpis/{id}/measurements", { ...kpi, json: { periodStart: "2026-04-15", value: 85 } }, 422);
    await call("department", "PATCH /api/v1/kpis/{id}", { ...kpi, json: { isPublic: true } }, 200);
    await call("company", "GET /api/v1/kpis/{id}", kpi, 200);
    await call("department", "GET /api/v1/agreements/{id}/health", agreement, 200);
    await call("desk", "PUT /api/v1/agreements/{id}/health/cadence", { ...agreement, json: { steeringMonths: 0, workingMonths: 3 } }, 422);
    await call("desk", "PUT /api/v1/agreements/{id}/health/cadence", { ...agreement, json: { steeringMonths: 6, workingMonths: 3 } }, 200);

    await call("desk", "POST /api/v1/agreements/{id}/start-renewal-review", agreement, 200);
    await call("desk", "POST /api/v1/agreements/{id}/renew", { ...agreement, json: { evaluation: "利用が定着した。" } }, 200);
    await call("desk", "POST /api/v1/agreements/{id}/end", { ...agreement, json: { reason: "所期の目的を達成した。" } }, 200);
    const second = {
      params: { id: (await call("desk", "POST /api/v1/agreements", { json: { ...draft, title: "X市とA社の第二協定" } }, 201)).body.id! },
    };
    await signed(second);
    await call("desk", "POST /api/v1/agreements/{id}/terminate", { ...second, json: { reason: "事業者の撤退" } }, 200);

    // The municipality's settings.
    await call("desk", "GET /api/v1/agreement-template", {}, 200);
    await call(
      "desk",
      "PUT /api/v1/agreement-template",
      {
        json: {
          preamble: "{当事者}は、次のとおり協定を結ぶ。",
          amendmentClause: "{甲乙}が協議して改める。",
          disputeClause: "{甲乙}が話し合う。",
        },
      },
      200,
    );
    await call("desk", "GET /api/v1/approval-chain", {}, 200);
    await call(
      "desk",
      "PUT /api/v1/approval-chain",
      { json: { steps: [{ label: "担当課長" }, { label: "市長" }, { label: "議会への報告", optional: true }] } },
      200,
    );

    // Register imports: one written, one written with a progress stream, one cancelled.
    const staged = async (title: string) =>
      (await call("desk", "POST /api/v1/agreements/imports", { body: registerForm(title) }, 201)).body.id!;
    ids.import = await staged("見守り");
    const registerImport = { params: { id: ids.import } };
    await call("desk", "GET /api/v1/agreements/imports", {}, 200);
    await call("desk", "GET /api/v1/agreements/imports/{id}", registerImport, 200);
    await call(
      "desk",
      "PATCH /api/v1/agreements/imports/{id}",
      { ...registerImport, json: { mapping: { title: "協定名", partners: "締結先", fields: "分野", purpose: "概要" } } },
      200,
    );
    await call("desk", "POST /api/v1/agreements/imports/{id}/commit", registerImport, 201);
    await call(
      "desk",
      "POST /api/v1/agreements/imports/{id}/commit",
      { params: { id: await staged("子育て") }, headers: { accept: "application/x-ndjson" } },
      200,
    );
    await call("desk", "DELETE /api/v1/agreements/imports/{id}", { params: { id: await staged("防災") } }, 204);

    await call("desk", "DELETE /api/v1/follows/{id}", { params: { id: ids.follow } }, 204);

    // The platform admin corrects the company's description.
    ids.organization = companyOrg;
    const company = { params: { id: companyOrg } };
    const registered = (await call("admin", "GET /api/v1/organizations/{id}", company, 200)).body as { name: string; fields: string[] };
    await call(
      "admin",
      "PATCH /api/v1/organizations/{id}",
      { ...company, json: { name: registered.name, fields: registered.fields, description: "説明を直しました。" } },
      200,
    );

    // Members, last: the department's member leaves (after its role is set again as it is).
    type Members = { members: { membershipId: string; role: string; departmentId: string | null; manageable: boolean }[] };
    const { members } = (await call("desk", "GET /api/v1/members", {}, 200)).body as unknown as Members;
    const staff = members.find((m) => m.manageable && m.role === "department_staff")!;
    ids.membership = staff.membershipId;
    const member = { params: { id: staff.membershipId } };
    await call("desk", "PATCH /api/v1/memberships/{id}", { ...member, json: { role: staff.role, departmentId: staff.departmentId } }, 200);
    await call("desk", "DELETE /api/v1/memberships/{id}", member, 204);

    const untried = documented.map((o) => `${o.method} ${o.template}`).filter((o) => !succeeded.has(o));
    expect(untried, "operations never answered with a 2xx in this test").toEqual([]);
  }, 300_000);

  it("answers every method it does not document with 404, 405 (or 400 for a GET without loader)", async () => {
    /** Real ids by the URL they appear under, so that a handled method would do something. */
    const fill = (pattern: string) =>
      pattern
        .replace(/^api\/v1\/themes\/:id\/attachments\/:fileId/, `api/v1/themes/${ids.theme}/attachments/${ids.themeFile}`)
        .replace(/^api\/v1\/proposals\/:id\/attachments\/:fileId/, `api/v1/proposals/${ids.proposal}/attachments/${ids.proposalFile}`)
        .replace(/:itemId/, ids.proposalItem!)
        .replace(/^api\/v1\/themes\/:id/, `api/v1/themes/${ids.theme}`)
        .replace(/^api\/v1\/proposals\/:id/, `api/v1/proposals/${ids.proposal}`)
        .replace(/^api\/v1\/agreements\/imports\/:id/, `api/v1/agreements/imports/${ids.import}`)
        .replace(/^api\/v1\/agreements\/(public\/)?:id/, `api/v1/agreements/$1${ids.agreement}`)
        .replace(/^api\/v1\/meetings\/:id/, `api/v1/meetings/${ids.meeting}`)
        .replace(/^api\/v1\/projects\/:id\/plans\/:fiscalYear/, `api/v1/projects/${ids.project}/plans/2026`)
        .replace(/^api\/v1\/projects\/:id/, `api/v1/projects/${ids.project}`)
        .replace(/^api\/v1\/kpis\/:id/, `api/v1/kpis/${ids.kpi}`)
        .replace(/^api\/v1\/meeting-action-items\/:id/, `api/v1/meeting-action-items/${ids.meetingItem}`)
        .replace(/^api\/v1\/follows\/:id/, `api/v1/follows/${ids.follow}`)
        .replace(/^api\/v1\/memberships\/:id/, `api/v1/memberships/${ids.membership}`)
        .replace(/^api\/v1\/organizations\/:id/, `api/v1/organizations/${ids.organization}`);
    const documentedPaths = new Set(documented.map((o) => `${o.method} ${fill(o.template.slice(1).replace(/\{(\w+)\}/g, ":$1"))}`));
    const words = new Map(apiRoutes().map((r) => [r.path, r.words]));
    const tried: string[] = [];
    for (const route of apiV1) {
      const actions = route.path.endsWith(":action")
        ? [
            ...new Set([
              ...(words.get(route.path) ?? []),
              ...documented.map((o) => o.template.split("/").pop()!).filter((w) => !w.includes("{")),
            ]),
          ]
        : [""];
      for (const action of actions) {
        const path = fill(route.path.replace(":action", action));
        if (path.includes(":")) throw new Error(`no id to fill ${route.path} with`);
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          if (documentedPaths.has(`${method} ${path}`) || routeServing(`/${path}`) !== route.id) continue;
          const res = await send(
            new Request(new URL(`/${path}`, config.baseUrl), {
              method,
              headers: { authorization: `Bearer ${tokens.desk}`, "content-type": "application/json" },
              body: method === "GET" ? undefined : "{}",
            }),
          );
          tried.push(`${method} /${path}`);
          // 400: React Router's answer to a GET of a route without a loader.
          expect(
            [400, 404, 405],
            `${method} /${path} (${route.file}) answered ${res.status} but is not in the OpenAPI document: ${await res.text()}`,
          ).toContain(res.status);
        }
      }
    }
    expect(tried.length).toBeGreaterThan(100);
  }, 120_000);
});
