// Who may open which page: the page routes' loaders run for real against a
// fresh database, authenticated by a better-auth session cookie, as the
// server would run them. A thrown redirect or `data(null, {status})` is the
// answer the browser would get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { RouterContextProvider } from "react-router";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { addMembership, createDepartment, createMember, createNotification } from "~/test/factories";
import { contextOf, createUserWithoutMembership, signInCookie } from "~/test/helpers";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import { inviteMember } from "~/features/identity/commands.server";
import * as auditPage from "./audit/audit";
import * as outboxPage from "./notifications/admin-outbox";
import * as membersPage from "./identity/org-members";
import * as settingsPage from "./identity/settings";
import * as notificationsPage from "./notifications/notifications";
import * as organizationsPage from "./identity/admin-organizations";
import * as orgPage from "./identity/org";
import * as homePage from "./home";
import * as loginPage from "./identity/login";
import * as roleMatrixPage from "./proposals/desk-role-matrix";
import * as templatePage from "./agreements/desk-agreement-template";
import * as approvalChainPage from "./agreements/desk-approval-chain";
import * as organizationNewPage from "./identity/admin-organization-new";
import * as agreementsPage from "./agreements/agreements";
import * as agreementNewPage from "./agreements/agreement-new";
import * as agreementEditPage from "./agreements/agreement-edit";
import * as importPage from "./agreements/agreement-import";
import * as importReviewPage from "./agreements/agreement-import-review";
import * as importCommitPage from "./agreements/agreement-import-commit";
import * as proposalsPage from "./proposals/proposals";
import * as proposalNewPage from "./proposals/proposal-new";
import * as proposalEditPage from "./proposals/proposal-edit";
import * as deskThemesPage from "./themes/desk-themes";
import * as themeNewPage from "./themes/desk-theme-new";
import * as themeEditPage from "./themes/desk-theme-edit";
import * as themePage from "./themes/theme";
import { loader as rootLoader } from "~/root";

const drivers = await testDrivers();

type Loader = (args: never) => unknown;
interface PageAnswer {
  status: number;
  /** Where a redirect points. */
  location?: string | null;
  /** What the loader returned (status 200 only). */
  data?: Record<string, unknown>;
}

interface Visit {
  path: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** A form post (empty unless given) instead of a GET. */
  post?: Record<string, string>;
  params?: Record<string, string>;
}

/** Runs a page loader like the server does; thrown redirects and data() errors become answers. */
async function open(app: TestApp, loader: Loader, visit: Visit): Promise<PageAnswer> {
  const headers = new Headers(visit.headers);
  if (visit.cookie) headers.set("cookie", visit.cookie);
  const url = new URL(visit.path, app.runtime.config.baseUrl);
  if (visit.post) headers.set("content-type", "application/x-www-form-urlencoded");
  const request = new Request(url, visit.post ? { method: "POST", headers, body: new URLSearchParams(visit.post) } : { headers });
  const context = new RouterContextProvider();
  context.set(runtimeContext, app.runtime);
  context.set(requestIdContext, randomUUID());
  try {
    const result = await (loader as (args: unknown) => Promise<unknown>)({ request, params: visit.params ?? {}, context });
    if (result instanceof Response) return { status: result.status, location: result.headers.get("location") };
    if (isDataWithInit(result)) return { status: result.init?.status ?? 200, data: result.data as Record<string, unknown> };
    return { status: 200, data: (result ?? {}) as Record<string, unknown> };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("location") };
    // React Router 7: a thrown data(null, { status }) is a DataWithResponseInit.
    if (isDataWithInit(thrown)) return { status: thrown.init?.status ?? 200, location: null };
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return Boolean(value) && typeof value === "object" && "init" in value! && (value as { type?: string }).type === "DataWithResponseInit";
}

const PAGES: { path: string; loader: Loader }[] = [
  { path: "/audit", loader: auditPage.loader },
  { path: "/admin/outbox", loader: outboxPage.loader },
  { path: "/admin/organizations", loader: organizationsPage.loader },
  { path: "/org", loader: orgPage.loader },
  { path: "/org/members", loader: membersPage.loader },
  { path: "/settings", loader: settingsPage.loader },
  { path: "/notifications", loader: notificationsPage.loader },
];

describe.each(drivers)("page authorization on %s", (kind) => {
  let app: TestApp;
  let people: Record<
    "company" | "deskX" | "deskStaffX" | "deptX" | "deskY" | "coordinator" | "admin",
    Awaited<ReturnType<typeof createMember>> & { cookie: string }
  >;
  let invitedToX: string;
  let invitedToY: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const { runtime } = app;
    const withCookie = async (m: Awaited<ReturnType<typeof createMember>>) => ({ ...m, cookie: await signInCookie(runtime, m.email) });
    const deskX = await withCookie(await createMember(runtime, { role: "desk_admin" }));
    const deskY = await withCookie(await createMember(runtime, { role: "desk_admin" }));
    const deptOfX = await createDepartment(runtime.db, deskX.organizationId);
    await createDepartment(runtime.db, deskY.organizationId);
    people = {
      company: await withCookie(await createMember(runtime, { role: "member" })),
      deskX,
      deskStaffX: await withCookie(await createMember(runtime, { role: "desk_staff", organizationId: deskX.organizationId })),
      deptX: await withCookie(
        await createMember(runtime, { role: "department_staff", organizationId: deskX.organizationId, departmentId: deptOfX.id }),
      ),
      deskY,
      coordinator: await withCookie(await createMember(runtime, { role: "coordinator" })),
      admin: await withCookie(await createMember(runtime, { role: "platform_admin" })),
    };
    // The coordinator is also desk staff of Y (as in the demo).
    await addMembership(runtime.db, people.coordinator.userId, deskY.organizationId, "desk_staff");

    // Pending invitations and notifications, one set per tenant.
    invitedToX = `invited-x-${kind}@example.jp`;
    invitedToY = `invited-y-${kind}@example.jp`;
    await inviteMember(await contextOf(runtime, deskX), { email: invitedToX, role: "desk_staff" });
    await inviteMember(await contextOf(runtime, deskY), { email: invitedToY, role: "desk_staff" });
    for (const person of Object.values(people)) {
      await createNotification(runtime, { userId: person.userId, organizationId: person.organizationId, marker: `for-${person.userId}` });
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(PAGES)("sends an anonymous visitor of $path to the login page, remembering where they were going", async ({ path, loader }) => {
    const answer = await open(app, loader, { path: `${path}?q=%E5%B8%82&cursor=x` });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/login?next=${encodeURIComponent(`${path}?q=%E5%B8%82&cursor=x`)}`);
  });

  it("treats a session that has ended like no session", async () => {
    const person = await createMember(app.runtime);
    const cookie = await signInCookie(app.runtime, person.email);
    expect((await open(app, settingsPage.loader, { path: "/settings", cookie })).status).toBe(200);
    await app.runtime.auth.api.signOut({ headers: new Headers({ cookie }) });
    const answer = await open(app, settingsPage.loader, { path: "/settings", cookie });
    expect(answer).toMatchObject({ status: 302, location: "/login?next=%2Fsettings" });
    const forged = await open(app, settingsPage.loader, { path: "/settings", cookie: "renkei.session_token=forged.value" });
    expect(forged).toMatchObject({ status: 302 });
  });

  const expectations: { who: keyof typeof people; path: string; status: number }[] = [
    { who: "company", path: "/audit", status: 403 },
    { who: "company", path: "/admin/outbox", status: 403 },
    { who: "company", path: "/admin/organizations", status: 403 },
    { who: "company", path: "/org/members", status: 200 },
    { who: "company", path: "/settings", status: 200 },
    { who: "company", path: "/notifications", status: 200 },
    { who: "deptX", path: "/org/members", status: 403 },
    { who: "deptX", path: "/audit", status: 403 },
    { who: "deptX", path: "/admin/outbox", status: 403 },
    { who: "deptX", path: "/notifications", status: 200 },
    { who: "deskStaffX", path: "/audit", status: 403 },
    { who: "deskStaffX", path: "/org/members", status: 200 },
    { who: "deskX", path: "/audit", status: 200 },
    { who: "deskX", path: "/org/members", status: 200 },
    { who: "deskX", path: "/admin/outbox", status: 403 },
    { who: "deskX", path: "/admin/organizations", status: 403 },
    { who: "coordinator", path: "/audit", status: 403 },
    { who: "coordinator", path: "/admin/outbox", status: 403 },
    { who: "admin", path: "/admin/outbox", status: 200 },
    { who: "admin", path: "/admin/organizations", status: 200 },
    { who: "admin", path: "/audit", status: 200 },
  ];

  it.each(expectations)("$who opening $path → $status", async ({ who, path, status }) => {
    const page = PAGES.find((p) => p.path === path)!;
    const answer = await open(app, page.loader, { path, cookie: people[who].cookie });
    expect(answer.status).toBe(status);
  });

  // Every page with a gate, opened and posted to (an empty form) by each role:
  // who gets past it; everyone else gets 403. Pinned before the checks moved
  // into the features' policy modules (docs/decisions/0018).
  type Person = keyof typeof people;
  const everyone: Person[] = ["company", "coordinator", "deskX", "deskStaffX", "deptX", "admin"];
  const desk: Person[] = ["deskX", "deskStaffX"];
  const cityStaff: Person[] = ["deskX", "deskStaffX", "deptX"];
  const partners: Person[] = ["company", "coordinator"];
  const id = { id: "00000000-0000-4000-8000-000000000000" };
  type Gate = { page: string; run: Loader; post?: true; params?: Record<string, string>; passes: Person[] };
  /** A page whose form post lets in the same people as the page. */
  const pageAndPost = (
    page: string,
    module: { loader: Loader; action: Loader },
    passes: Person[],
    params?: Record<string, string>,
  ): Gate[] => [
    { page, run: module.loader, params, passes },
    { page, run: module.action, post: true, params, passes },
  ];
  const gates: Gate[] = [
    { page: "/audit", run: auditPage.loader, passes: ["deskX", "admin"] },
    { page: "/admin/outbox", run: outboxPage.loader, passes: ["admin"] },
    { page: "/admin/organizations", run: organizationsPage.loader, passes: ["admin"] },
    ...pageAndPost("/admin/organizations/new", organizationNewPage, ["admin"]),
    { page: "/org", run: orgPage.loader, passes: everyone },
    { page: "/org", run: orgPage.action, post: true, passes: ["deskX"] },
    { page: "/desk/role-matrix", run: roleMatrixPage.loader, passes: desk },
    { page: "/desk/role-matrix", run: roleMatrixPage.action, post: true, passes: ["deskX"] },
    { page: "/desk/agreement-template", run: templatePage.loader, passes: desk },
    { page: "/desk/agreement-template", run: templatePage.action, post: true, passes: ["deskX"] },
    { page: "/desk/approval-chain", run: approvalChainPage.loader, passes: desk },
    { page: "/desk/approval-chain", run: approvalChainPage.action, post: true, passes: ["deskX"] },
    { page: "/agreements", run: agreementsPage.loader, passes: everyone },
    ...pageAndPost("/agreements/new", agreementNewPage, desk),
    ...pageAndPost("/agreements/:id/edit", agreementEditPage, desk, id),
    ...pageAndPost("/agreements/import", importPage, desk),
    ...pageAndPost("/agreements/import/:id", importReviewPage, desk, id),
    { page: "/agreements/import/:id/commit", run: importCommitPage.action, post: true, params: id, passes: desk },
    { page: "/proposals", run: proposalsPage.loader, passes: everyone },
    ...pageAndPost("/proposals/new", proposalNewPage, partners),
    ...pageAndPost("/proposals/:id/edit", proposalEditPage, partners, id),
    { page: "/desk/themes", run: deskThemesPage.loader, passes: cityStaff },
    ...pageAndPost("/desk/themes/new", themeNewPage, cityStaff),
    ...pageAndPost("/desk/themes/:id/edit", themeEditPage, cityStaff, id),
    { page: "/themes/:id", run: themePage.action, post: true, params: id, passes: desk },
  ];

  it.each(
    gates.flatMap((gate) =>
      everyone.map((who) => ({ ...gate, who, method: gate.post ? "POST" : "GET", passing: gate.passes.includes(who) })),
    ),
  )("$method $page as $who: past the gate $passing", async ({ page, run, post, params, who, passing }) => {
    const answer = await open(app, run, {
      path: page.replace(":id", id.id),
      params,
      post: post ? {} : undefined,
      cookie: people[who].cookie,
    });
    expect(answer.status !== 403, `answered ${answer.status}`).toBe(passing);
  });

  // What the pages offer each role once past the gate.
  const offers: { page: string; run: Loader; read: (data: Record<string, unknown>) => unknown; by: Partial<Record<Person, unknown>> }[] = [
    { page: "/desk/role-matrix", run: roleMatrixPage.loader, read: (d) => d.editable, by: { deskX: true, deskStaffX: false } },
    { page: "/desk/agreement-template", run: templatePage.loader, read: (d) => d.editable, by: { deskX: true, deskStaffX: false } },
    { page: "/desk/approval-chain", run: approvalChainPage.loader, read: (d) => d.editable, by: { deskX: true, deskStaffX: false } },
    {
      page: "/org",
      run: orgPage.loader,
      read: (d) => d.canAddDepartment,
      by: { deskX: true, deskStaffX: false, deptX: false, company: false, coordinator: false, admin: false },
    },
    {
      page: "/desk/themes/new",
      run: themeNewPage.loader,
      read: (d) => d.canPickDepartment,
      by: { deskX: true, deskStaffX: true, deptX: false },
    },
    {
      page: "/proposals",
      run: proposalsPage.loader,
      read: (d) => d.view,
      by: { deskX: "inbox", deskStaffX: "inbox", deptX: "shared", company: "mine", coordinator: "mine", admin: "mine" },
    },
    {
      page: "/agreements",
      run: agreementsPage.loader,
      read: (d) => d.isDesk,
      by: { deskX: true, deskStaffX: true, deptX: false, company: false, coordinator: false, admin: false },
    },
  ];

  it.each(offers.flatMap((offer) => Object.entries(offer.by).map(([who, expected]) => ({ ...offer, who: who as Person, expected }))))(
    "$page offers $who: $expected",
    async ({ page, run, read, who, expected }) => {
      const answer = await open(app, run, { path: page, cookie: people[who].cookie });
      expect(answer.status).toBe(200);
      expect(read(answer.data!)).toBe(expected);
    },
  );

  it("shows a desk admin the members, invitations and departments of its own municipality only", async () => {
    const x = await open(app, membersPage.loader, { path: "/org/members", cookie: people.deskX.cookie });
    expect(x.status).toBe(200);
    const data = x.data as {
      members: { email: string }[];
      invitations: { email: string }[];
      departments: { value: string }[];
      roles: string[];
    };
    expect(data.members.map((m) => m.email).sort()).toEqual([people.deskX.email, people.deskStaffX.email, people.deptX.email].sort());
    expect(data.invitations.map((i) => i.email)).toEqual([invitedToX]);
    expect(data.departments).toHaveLength(1);
    expect(data.departments[0]!.value).toBe(people.deptX.departmentId);
    expect(data.roles).toEqual(["desk_admin", "desk_staff", "department_staff"]);

    const y = await open(app, membersPage.loader, { path: "/org/members", cookie: people.deskY.cookie });
    const yData = y.data as { members: { email: string }[]; invitations: { email: string }[] };
    expect(yData.members.map((m) => m.email).sort()).toEqual([people.deskY.email, people.coordinator.email].sort());
    expect(yData.invitations.map((i) => i.email)).toEqual([invitedToY]);

    const company = await open(app, membersPage.loader, { path: "/org/members", cookie: people.company.cookie });
    expect((company.data as { members: { email: string }[] }).members.map((m) => m.email)).toEqual([people.company.email]);
    expect((company.data as { departments: unknown[] }).departments).toEqual([]);
  });

  it("shows each desk admin only its own audit log, and the platform admin everything", async () => {
    type Entries = { items: { organizationId: string | null; action: string }[] };
    const x = (await open(app, auditPage.loader, { path: "/audit?limit=200", cookie: people.deskX.cookie })).data as Entries;
    expect(x.items.map((e) => e.action)).toContain("invitation.create");
    expect(x.items.every((e) => e.organizationId === people.deskX.organizationId)).toBe(true);
    const y = (await open(app, auditPage.loader, { path: "/audit?limit=200", cookie: people.deskY.cookie })).data as Entries;
    expect(y.items.every((e) => e.organizationId === people.deskY.organizationId)).toBe(true);
    const all = (await open(app, auditPage.loader, { path: "/audit?limit=200", cookie: people.admin.cookie })).data as Entries;
    expect(all.items.some((e) => e.organizationId === people.deskX.organizationId)).toBe(true);
    expect(all.items.some((e) => e.organizationId === people.deskY.organizationId)).toBe(true);
  });

  it("lists only the visitor's own notifications and API tokens", async () => {
    for (const [name, person] of Object.entries(people)) {
      const notes = (await open(app, notificationsPage.loader, { path: "/notifications", cookie: person.cookie })).data as {
        items: { body: string }[];
      };
      expect(notes.items, name).toHaveLength(1);
      expect(notes.items[0]!.body).toContain(`for-${person.userId}`);
      const settings = (await open(app, settingsPage.loader, { path: "/settings", cookie: person.cookie })).data as {
        tokens: { id: string }[];
      };
      // createMember issued exactly one token for each person.
      expect(settings.tokens, name).toHaveLength(1);
    }
    const x = (await open(app, settingsPage.loader, { path: "/settings", cookie: people.deskX.cookie })).data as {
      tokens: { id: string }[];
    };
    const y = (await open(app, settingsPage.loader, { path: "/settings", cookie: people.deskY.cookie })).data as {
      tokens: { id: string }[];
    };
    expect(x.tokens[0]!.id).not.toBe(y.tokens[0]!.id);
  });

  it("lets the organisation cookie pick among the visitor's own memberships only", async () => {
    const { coordinator, deskX, deskY } = people;
    const asY = await open(app, membersPage.loader, {
      path: "/org/members",
      cookie: `${coordinator.cookie}; renkei_org=${deskY.organizationId}`,
    });
    expect((asY.data as { members: { email: string }[] }).members.map((m) => m.email)).toContain(deskY.email);
    // Naming someone else's organisation falls back to the visitor's own: never another tenant's data.
    const foreign = await open(app, membersPage.loader, {
      path: "/org/members",
      cookie: `${coordinator.cookie}; renkei_org=${deskX.organizationId}`,
    });
    const emails = (foreign.data as { members: { email: string }[] }).members.map((m) => m.email);
    expect(emails).not.toContain(deskX.email);
    expect(emails).toEqual([coordinator.email]);
    expect(
      (await open(app, auditPage.loader, { path: "/audit", cookie: `${deskY.cookie}; renkei_org=${deskX.organizationId}` })).data,
    ).toMatchObject({
      items: expect.not.arrayContaining([expect.objectContaining({ organizationId: deskX.organizationId })]),
    });
  });

  it("answers a signed-in person with no organisation with 403, not someone else's data", async () => {
    const lonely = await createUserWithoutMembership(app.runtime);
    const cookie = await signInCookie(app.runtime, lonely.email);
    for (const page of PAGES) {
      expect((await open(app, page.loader, { path: page.path, cookie })).status, page.path).toBe(403);
    }
  });

  it("answers a page request with an invalid bearer token with 401 or the login page, not a 500", async () => {
    const answer = await open(app, settingsPage.loader, { path: "/settings", headers: { authorization: "Bearer rk_invalid" } });
    expect([302, 401]).toContain(answer.status);
  });

  it("answers a page request whose token acts for someone else's organisation with 403, not a 500", async () => {
    const headers = { authorization: `Bearer ${people.deskX.token}`, "x-renkei-organization": people.deskY.organizationId };
    for (const [path, loader] of [
      ["/", rootLoader],
      ["/", homePage.loader],
      ["/login", loginPage.loader],
      ["/settings", settingsPage.loader],
    ] as const) {
      expect((await open(app, loader, { path, headers })).status, path).toBe(403);
    }
    // Their own organisation named in the header still works.
    const own = await open(app, settingsPage.loader, {
      path: "/settings",
      headers: { ...headers, "x-renkei-organization": people.deskX.organizationId },
    });
    expect(own.status).toBe(200);
  });
});
