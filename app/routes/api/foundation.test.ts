import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createDepartment, createMember, createOrganization, TEST_PASSWORD, validCorporateNumber } from "~/test/factories";
import * as health from "./health";
import * as tokens from "./tokens";
import * as me from "./me";
import * as municipalities from "./municipalities";
import * as organizations from "./organizations";
import * as audit from "./audit";
import * as notifications from "./notifications";
import * as notFound from "./not-found";

const drivers = await testDrivers();

describe.each(drivers)("foundation API on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  it("reports health with the database kind", async () => {
    const res = await app.call(health.loader, { path: "/api/v1/health" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: kind });
  });

  it("issues a token for a correct password and refuses a wrong one", async () => {
    const user = await createMember(app.runtime);
    const ok = await app.call(tokens.action, {
      path: "/api/v1/tokens",
      method: "POST",
      json: { email: user.email, password: TEST_PASSWORD },
    });
    expect(ok.status).toBe(201);
    const { token } = await ok.json();
    expect(token).toMatch(/^rk_/);
    const meRes = await app.call(me.loader, { path: "/api/v1/me", token });
    expect(meRes.status).toBe(200);
    const body = await meRes.json();
    expect(body.user.email).toBe(user.email);
    expect(body.memberships).toEqual([
      expect.objectContaining({ organizationId: user.organizationId, organizationKind: "company", role: "member" }),
    ]);

    const wrong = await app.call(tokens.action, {
      path: "/api/v1/tokens",
      method: "POST",
      json: { email: user.email, password: "wrong-password-123" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    const unknown = await app.call(tokens.action, {
      path: "/api/v1/tokens",
      method: "POST",
      json: { email: "nobody@example.jp", password: "whatever-123" },
    });
    expect(unknown.status).toBe(401);
  });

  it("answers bad input with Japanese field errors, never a 500", async () => {
    const res = await app.call(tokens.action, {
      path: "/api/v1/tokens",
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].message).toContain("JSON");
    const missing = await app.call(tokens.action, { path: "/api/v1/tokens", method: "POST", json: { email: "bad" } });
    const problem = await missing.json();
    expect(missing.status).toBe(422);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "password"]);
    expect(problem.errors[0].message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("rejects missing and invalid bearer tokens", async () => {
    expect((await app.call(me.loader, { path: "/api/v1/me" })).status).toBe(401);
    expect((await app.call(me.loader, { path: "/api/v1/me", token: "rk_invalid" })).status).toBe(401);
    const forged = `rk_AAAAAAAA_${"B".repeat(43)}`;
    expect((await app.call(me.loader, { path: "/api/v1/me", token: forged })).status).toBe(401);
  });

  it("finds municipalities by kanji, kana and code prefix", async () => {
    const byKanji = await (
      await app.call(municipalities.loader, { path: `/api/v1/municipalities?q=${encodeURIComponent("守口")}` })
    ).json();
    expect(byKanji.items[0]).toMatchObject({ code: "272094", name: "守口市" });
    const byKana = await (
      await app.call(municipalities.loader, { path: `/api/v1/municipalities?q=${encodeURIComponent("モリグチ")}` })
    ).json();
    expect(byKana.items.map((m: { code: string }) => m.code)).toContain("272094");
    const byCode = await (await app.call(municipalities.loader, { path: "/api/v1/municipalities?q=2720&limit=100" })).json();
    expect(byCode.items.every((m: { code: string }) => m.code.startsWith("2720"))).toBe(true);
    expect(byCode.total).toBeGreaterThan(3);
    const small = await (
      await app.call(municipalities.loader, { path: `/api/v1/municipalities?q=${encodeURIComponent("しじょうなわて")}` })
    ).json();
    expect(small.items[0]?.name).toBe("四條畷市");
    const bad = await app.call(municipalities.loader, { path: "/api/v1/municipalities?limit=abc" });
    expect(bad.status).toBe(422);
  });

  it("pages the directory with the same total on every page, also past the last one", async () => {
    const get = async (query: string) => (await app.call(municipalities.loader, { path: `/api/v1/municipalities?${query}` })).json();
    const first = await get("prefecture=27&limit=20");
    expect(first.items).toHaveLength(20);
    const codes: string[] = [];
    let page = first;
    for (;;) {
      expect(page.total).toBe(first.total);
      codes.push(...page.items.map((m: { code: string }) => m.code));
      if (!page.nextCursor) break;
      page = await get(`prefecture=27&limit=20&cursor=${page.nextCursor}`);
    }
    expect(new Set(codes).size).toBe(first.total);
    const beyond = await get(`prefecture=27&limit=20&cursor=${first.total + 40}`);
    expect(beyond).toMatchObject({ items: [], total: first.total, nextCursor: null });
    expect(await get(`q=${encodeURIComponent("存在しない町")}`)).toMatchObject({ items: [], total: 0 });
  });

  it("lets a platform admin register organisations with validated 法人番号 and 団体コード", async () => {
    const admin = await createMember(app.runtime, { role: "platform_admin" });
    const good = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: admin.token,
      json: {
        kind: "company",
        name: "テスト株式会社",
        corporateNumber: validCorporateNumber(),
        description: "説明",
        fields: ["health", "digital"],
      },
    });
    expect(good.status).toBe(201);
    const badNumber = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: admin.token,
      json: { kind: "company", name: "誤り株式会社", corporateNumber: "1234567890123", fields: ["nope"] },
    });
    expect(badNumber.status).toBe(422);
    const problem = await badNumber.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "corporateNumber", message: expect.stringContaining("法人番号") }),
        expect.objectContaining({ path: "fields.0" }),
      ]),
    );
    const badCode = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: admin.token,
      json: { kind: "municipality", name: "架空市", municipalityCode: "272095", fields: [] },
    });
    expect(badCode.status).toBe(422);
    expect((await badCode.json()).errors[0]).toMatchObject({ path: "municipalityCode" });
  });

  it("keeps desk admins to departments of their own municipality", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const other = await createOrganization(app.runtime.db, { kind: "municipality" });
    const own = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: desk.token,
      json: { kind: "department", name: "交通政策課", parentId: desk.organizationId, fields: ["mobility"] },
    });
    expect(own.status).toBe(201);
    const foreign = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: desk.token,
      json: { kind: "department", name: "乗っ取り課", parentId: other.id, fields: [] },
    });
    expect(foreign.status).toBe(422);
    const company = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: desk.token,
      json: { kind: "company", name: "勝手株式会社", fields: [] },
    });
    expect(company.status).toBe(403);
    const member = await createMember(app.runtime);
    const denied = await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: member.token,
      json: { kind: "department", name: "x", parentId: desk.organizationId },
    });
    expect(denied.status).toBe(403);
  });

  it("shows each desk admin only their own organisation's audit log", async () => {
    const deskA = await createMember(app.runtime, { role: "desk_admin" });
    const deskB = await createMember(app.runtime, { role: "desk_admin" });
    await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: deskA.token,
      json: { kind: "department", name: "A課", parentId: deskA.organizationId },
    });
    await app.call(organizations.action, {
      path: "/api/v1/organizations",
      method: "POST",
      token: deskB.token,
      json: { kind: "department", name: "B課", parentId: deskB.organizationId },
    });
    const logA = await (await app.call(audit.loader, { path: "/api/v1/audit", token: deskA.token })).json();
    expect(logA.items.length).toBeGreaterThan(0);
    expect(logA.items.every((e: { organizationId: string }) => e.organizationId === deskA.organizationId)).toBe(true);
    expect(logA.items.map((e: { after: { name?: string } }) => e.after?.name)).toContain("A課");
    expect(logA.items.map((e: { after: { name?: string } }) => e.after?.name)).not.toContain("B課");
    const member = await createMember(app.runtime);
    expect((await app.call(audit.loader, { path: "/api/v1/audit", token: member.token })).status).toBe(403);
    const staff = await createMember(app.runtime, { role: "department_staff", organizationId: deskA.organizationId });
    expect((await app.call(audit.loader, { path: "/api/v1/audit", token: staff.token })).status).toBe(403);
  });

  it("refuses to act for an organisation the caller does not belong to", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const other = await createOrganization(app.runtime.db, { kind: "municipality" });
    const res = await app.call(audit.loader, { path: "/api/v1/audit", token: desk.token, headers: { "x-renkei-organization": other.id } });
    expect(res.status).toBe(403);
    const own = await app.call(audit.loader, {
      path: "/api/v1/audit",
      token: desk.token,
      headers: { "x-renkei-organization": desk.organizationId },
    });
    expect(own.status).toBe(200);
  });

  it("lists only the caller's own notifications", async () => {
    const a = await createMember(app.runtime);
    const res = await app.call(notifications.loader, { path: "/api/v1/notifications", token: a.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], unread: 0 });
    expect((await app.call(notifications.loader, { path: "/api/v1/notifications" })).status).toBe(401);
  });

  it("answers unknown API paths with a 404 problem", async () => {
    const res = await app.call(notFound.loader, { path: "/api/v1/nothing" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("creates departments for a factory-made municipality", async () => {
    const dept = await createDepartment(app.runtime.db);
    expect(dept.kind).toBe("department");
    expect(dept.parentId).toBeTruthy();
  });
});
