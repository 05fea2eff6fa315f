// The tenancy and role matrix of the JSON API: every endpoint in app/routes.ts
// × every kind of caller → the expected status, plus checks that one tenant's
// data never shows up for another. The rows live beside each feature's
// openapi.ts, in features/<name>/tenancy-matrix.ts (the service's own
// endpoints: server/tenancy-matrix.ts), written in the vocabulary of
// test/tenancy-matrix.ts. This file builds the world they run in, fails
// "covers every API route" until a new API route has a row in its feature's
// file, and runs every row as every caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeConfig from "~/routes";
import { testDrivers } from "~/test/database";
import { startTestApp } from "~/test/harness";
import { pdfFile } from "~/test/api-inputs";
import {
  addMembership,
  buildAgreement,
  buildMeeting,
  buildMeetingActionItem,
  buildKpi,
  buildProject,
  buildProposal,
  buildTheme,
  createDepartment,
  createMember,
  createNotification,
  createOrganization,
} from "~/test/factories";
import { contextOf, createUserWithoutMembership, expireApiToken, signInCookie } from "~/test/helpers";
import { listAgreementProjects } from "~/features/results/projects/data.server";
import {
  CALLERS,
  registerForm,
  UNAUTHENTICATED,
  type AuditItem,
  type Caller,
  type CallerName,
  type CallOptions,
  type Endpoint,
  type World,
} from "~/test/tenancy-matrix";

type Handler = (args: never) => Promise<unknown> | unknown;
type RouteModule = { loader?: Handler; action?: Handler };
/** Every API route module, so rows name them by file and new modules are noticed. */
const modules = import.meta.glob<RouteModule>(["./*.ts", "!./*.test.ts"], { eager: true });

/** The rows, one file per feature with API routes, and the service's own. */
const rowFiles = import.meta.glob<{ tenancyRows?: Endpoint[] }>(["../../features/*/tenancy-matrix.ts", "../../server/tenancy-matrix.ts"], {
  eager: true,
});
/** The features' route lists: whose rows file a route module's rows belong in. */
const featureRouteLists = import.meta.glob<Record<string, RouteConfigEntry[]>>("../../features/*/routes.ts", { eager: true });

/** "server" for what app/routes.ts lists itself (health, the OpenAPI document, the catch-all). */
const SERVER = "server";
const ownerOfGlobKey = (key: string) => /\/features\/([^/]+)\//.exec(key)?.[1] ?? SERVER;
const rowsFile = (owner: string) => (owner === SERVER ? "app/server/tenancy-matrix.ts" : `app/features/${owner}/tenancy-matrix.ts`);
const routeList = (owner: string) => (owner === SERVER ? "app/routes.ts" : `app/features/${owner}/routes.ts`);
const flatten = (entries: RouteConfigEntry[]): RouteConfigEntry[] => entries.flatMap((e) => [e, ...flatten(e.children ?? [])]);
/** Route module (as rows name it, "api/agreement.ts") → the feature whose routes.ts lists it. */
const moduleOwners = new Map(
  Object.entries(featureRouteLists).flatMap(([key, lists]) =>
    flatten(Object.values(lists).flat()).map((entry) => [entry.file.replace(/^routes\//, ""), ownerOfGlobKey(key)] as const),
  ),
);
const ownerOfModule = (file: string) => moduleOwners.get(file) ?? SERVER;

/**
 * The order the rows run in, file by file; a file's rows run in their own order
 * (a PUT before the GET that checks what it stored). The audit and notification
 * checks read a caller's whole log and inbox, so they run before the writes of
 * the features after them; a feature not listed here runs last.
 */
const RUN_ORDER = [SERVER, "identity", "directory", "audit", "notifications", "themes", "proposals", "agreements", "meetings"];
const rank = (owner: string) => (RUN_ORDER.includes(owner) ? RUN_ORDER.indexOf(owner) : RUN_ORDER.length);
const rowSources = Object.entries(rowFiles)
  .map(([key, exports]) => ({ owner: ownerOfGlobKey(key), rows: exports.tenancyRows }))
  .sort((a, b) => rank(a.owner) - rank(b.owner) || a.owner.localeCompare(b.owner));
const ENDPOINTS: Endpoint[] = rowSources.flatMap((source) => source.rows ?? []);

const drivers = await testDrivers();

const ANYONE_WITH_A_TOKEN = CALLERS.filter((c) => !UNAUTHENTICATED.includes(c));

describe("the API tenancy matrix", () => {
  it("covers every API route and handler in app/routes.ts", () => {
    const apiRoutes = routeConfig.filter((r) => r.path?.startsWith("api/"));
    expect(apiRoutes.length).toBeGreaterThan(0);
    const problems = new Set<string>();
    for (const { owner, rows } of rowSources) {
      if (!Array.isArray(rows)) problems.add(`${rowsFile(owner)} does not export \`tenancyRows: Endpoint[]\``);
    }
    for (const route of apiRoutes) {
      const file = route.file.replace(/^routes\//, "");
      const mod = modules[`./${file.replace(/^api\//, "")}`];
      expect(mod, `${route.file} is not an API module`).toBeDefined();
      for (const handler of ["loader", "action"] as const) {
        if (mod![handler] && !ENDPOINTS.some((e) => e.file === file && e.handler === handler))
          problems.add(
            `no tenancy-matrix row for ${handler} of ${route.file} (/${route.path}): add one to ${rowsFile(ownerOfModule(file))}`,
          );
      }
    }
    // A row must call something that is routed, from its own feature's file.
    const routed = new Set(apiRoutes.map((r) => r.file.replace(/^routes\//, "")));
    const names = new Set<string>();
    for (const { owner, rows } of rowSources) {
      for (const row of rows ?? []) {
        const where = `row "${row.name}" in ${rowsFile(owner)}`;
        if (!routed.has(row.file)) problems.add(`${where}: no API route in app/routes.ts uses routes/${row.file}`);
        else if (!modules[`./${row.file.replace(/^api\//, "")}`]?.[row.handler])
          problems.add(`${where}: routes/${row.file} has no ${row.handler}`);
        const belongs = ownerOfModule(row.file);
        if (routed.has(row.file) && belongs !== owner)
          problems.add(`${where}: routes/${row.file} is listed by ${routeList(belongs)}, so the row belongs in ${rowsFile(belongs)}`);
        if (names.has(row.name)) problems.add(`${where}: another row has the same name; the test names must tell them apart`);
        names.add(row.name);
      }
    }
    expect([...problems], "the tenancy matrix's rows").toEqual([]);
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
    const activeAgreement = await buildAgreement(runtime, {
      desk: deskAdminX,
      partnerIds: [companyA.organizationId],
      status: "active",
      input: { items: [{ title: "移動支援の実証", field: "mobility", departmentId: departmentStaffX.departmentId }] },
    });
    const kpi = await buildKpi(runtime, {
      project: await buildProject(runtime, { agreement: activeAgreement, leadDepartmentId: departmentStaffX.departmentId! }),
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
      activeAgreement: activeAgreement.id,
      activeItem: (await listAgreementProjects(await contextOf(runtime, deskAdminX), activeAgreement.id)).items[0]!.id,
      project: kpi.project.id,
      kpi: kpi.id,
    };
    world.follows = {
      companyA: [await follow(companyA.token, "mobility")],
      companyB: [await follow(companyB.token, "elderly")],
      deskAdminY: [await follow(deskAdminY.token, "tourism")],
    };

    // Each person gets one notification with a text only they should ever see.
    world.markers = {};
    for (const name of CALLERS.filter((c) => !UNAUTHENTICATED.includes(c) && c !== "noMembership")) {
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
