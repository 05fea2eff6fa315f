import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildTheme, createMember } from "~/test/factories";
import * as themesApi from "./themes";
import * as themeApi from "./theme";
import * as themeFileApi from "./theme-file";
import * as followsApi from "./follows";
import * as notificationsApi from "./notifications";

const drivers = await testDrivers();
const pdf = readFileSync(new URL("../../test/fixtures/sample.pdf", import.meta.url));

const validTheme = {
  title: "郊外の移動手段を確保したい",
  background: "路線バスの減便で買い物や通院が難しくなっています。",
  goal: "予約制の乗合交通を試行したい。",
  offer: "利用者アンケートの結果データ",
  fields: ["mobility", "elderly"],
  deadline: "2099-03-31",
};

describe.each(drivers)("themes API on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  async function draft(token: string, body: object = validTheme) {
    const res = await app.call(themesApi.action, { path: "/api/v1/themes", method: "POST", token, json: body });
    return { res, body: await res.json() };
  }

  it("lets the desk draft and publish a call; drafts never appear publicly", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const { res, body } = await draft(desk.token);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ status: "draft", title: validTheme.title, can: { edit: true, publish: true, close: false } });

    const publicBefore = await (await app.call(themesApi.loader, { path: "/api/v1/themes?status=all" })).json();
    expect(publicBefore.items).toEqual([]);
    expect((await app.call(themeApi.loader, { path: `/api/v1/themes/${body.id}`, params: { id: body.id } })).status).toBe(404);

    const published = await app.call(themeApi.action, {
      path: `/api/v1/themes/${body.id}/publish`,
      method: "POST",
      token: desk.token,
      params: { id: body.id, action: "publish" },
    });
    expect(published.status).toBe(200);
    const list = await (await app.call(themesApi.loader, { path: "/api/v1/themes?status=open&field=mobility" })).json();
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([body.id]);
    expect(list.items[0].municipalityName).toMatch(/[都道府県].+/);
    const again = await app.call(themeApi.action, {
      path: `/api/v1/themes/${body.id}/publish`,
      method: "POST",
      token: desk.token,
      params: { id: body.id, action: "publish" },
    });
    expect(again.status).toBe(409);
  });

  it("filters by field, municipality, prefecture, deadline and keywords", async () => {
    const a = await buildTheme(app.runtime, { status: "published", input: validTheme });
    const b = await buildTheme(app.runtime, {
      status: "published",
      input: { ...validTheme, title: "健診の受診率を上げたい", fields: ["health"], deadline: "2099-12-31" },
    });
    const ids = async (query: string) =>
      (await (await app.call(themesApi.loader, { path: `/api/v1/themes?${query}` })).json()).items.map((t: { id: string }) => t.id);
    expect(await ids("field=health")).toEqual([b.id]);
    expect(await ids(`municipality=${a.localGovCode}`)).toEqual([a.id]);
    expect(await ids(`prefecture=${a.localGovCode.slice(0, 2)}`)).toContain(a.id);
    expect(await ids("deadlineBefore=2099-06-30")).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent("受診率")}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent("ジュシン")}`)).toEqual([]);
    const bad = await app.call(themesApi.loader, { path: "/api/v1/themes?field=unknown&municipality=12" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["field", "municipality"]);
  });

  it("validates the call with Japanese field errors", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const { res, body } = await draft(desk.token, { title: "", fields: [], startsOn: "2026-05-01", deadline: "2026-04-01" });
    expect(res.status).toBe(422);
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["background", "deadline", "fields", "goal", "title"]);
    expect(body.errors.find((e: { path: string }) => e.path === "deadline").message).toContain("締切");
  });

  it("denies partners, other municipalities and department staff what is not theirs", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const company = await createMember(app.runtime, { role: "member" });
    const otherDesk = await createMember(app.runtime, { role: "desk_admin" });
    const dept = await createMember(app.runtime, { role: "department_staff", organizationId: desk.organizationId });
    expect((await draft(company.token)).res.status).toBe(403);
    const { body } = await draft(desk.token);
    const get = (token?: string) => app.call(themeApi.loader, { path: `/api/v1/themes/${body.id}`, token, params: { id: body.id } });
    expect((await get(company.token)).status).toBe(404);
    expect((await get(otherDesk.token)).status).toBe(404);
    expect((await get(dept.token)).status).toBe(200);
    const publishAs = (token: string) =>
      app.call(themeApi.action, {
        path: `/api/v1/themes/${body.id}/publish`,
        method: "POST",
        token,
        params: { id: body.id, action: "publish" },
      });
    expect((await publishAs(otherDesk.token)).status).toBe(404);
    expect((await publishAs(company.token)).status).toBe(404);
    // Who may act is decided before the call's state: a department may never publish (403, not 409).
    expect((await publishAs(dept.token)).status).toBe(403);
    const patchAs = (token: string) =>
      app.call(themeApi.action, {
        path: `/api/v1/themes/${body.id}`,
        method: "PATCH",
        token,
        json: { title: "乗っ取り" },
        params: { id: body.id },
      });
    expect((await patchAs(otherDesk.token)).status).toBe(404);
    // The department may edit only its own department's drafts; this one has none.
    expect((await patchAs(dept.token)).status).toBe(403);
    const patched = await patchAs(desk.token);
    expect(patched.status).toBe(200);
    expect((await patched.json()).title).toBe("乗っ取り");
  });

  it("accepts PDFs and refuses disguised files; files follow the theme's visibility", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const { body } = await draft(desk.token);
    const upload = (name: string, bytes: Uint8Array, type: string) => {
      const form = new FormData();
      form.append("files", new Blob([new Uint8Array(bytes)], { type }), name);
      return app.call(themeApi.action, {
        path: `/api/v1/themes/${body.id}/attachments`,
        method: "POST",
        token: desk.token,
        params: { id: body.id, action: "attachments" },
        body: form as never,
      });
    };
    const ok = await upload("資料.pdf", pdf, "application/pdf");
    expect(ok.status).toBe(200);
    const theme = await ok.json();
    expect(theme.attachments).toEqual([expect.objectContaining({ filename: "資料.pdf", contentType: "application/pdf" })]);
    const fake = await upload("evil.pdf", new TextEncoder().encode("<script>alert(1)</script>"), "application/pdf");
    expect(fake.status).toBe(422);
    expect((await fake.json()).errors[0].message).toContain("evil.pdf");

    const fileId = theme.attachments[0].id;
    const download = (token?: string) =>
      app.call(themeFileApi.loader, { path: `/api/v1/themes/${body.id}/attachments/${fileId}`, token, params: { id: body.id, fileId } });
    expect((await download()).status).toBe(404);
    const mine = await download(desk.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await mine.arrayBuffer()).equals(pdf)).toBe(true);
    await app.call(themeApi.action, {
      path: `/api/v1/themes/${body.id}/publish`,
      method: "POST",
      token: desk.token,
      params: { id: body.id, action: "publish" },
    });
    expect((await download()).status).toBe(200);
  });

  it("notifies followers of a field or the municipality when a call is published", async () => {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const fieldFan = await createMember(app.runtime);
    const placeFan = await createMember(app.runtime);
    const bystander = await createMember(app.runtime);
    const { body } = await draft(desk.token);
    await app.call(followsApi.action, {
      path: "/api/v1/follows",
      method: "POST",
      token: fieldFan.token,
      json: { kind: "field", value: "mobility" },
    });
    await app.call(followsApi.action, {
      path: "/api/v1/follows",
      method: "POST",
      token: placeFan.token,
      json: { kind: "municipality", value: body.localGovCode },
    });
    await app.call(followsApi.action, {
      path: "/api/v1/follows",
      method: "POST",
      token: bystander.token,
      json: { kind: "field", value: "culture" },
    });
    const badFollow = await app.call(followsApi.action, {
      path: "/api/v1/follows",
      method: "POST",
      token: bystander.token,
      json: { kind: "field", value: "nonsense" },
    });
    expect(badFollow.status).toBe(422);
    await app.call(themeApi.action, {
      path: `/api/v1/themes/${body.id}/publish`,
      method: "POST",
      token: desk.token,
      params: { id: body.id, action: "publish" },
    });
    const titles = async (token: string) =>
      (await (await app.call(notificationsApi.loader, { path: "/api/v1/notifications", token })).json()).items.map(
        (n: { title: string }) => n.title,
      );
    expect(await titles(fieldFan.token)).toEqual([`新しい募集テーマ: ${validTheme.title}`]);
    expect(await titles(placeFan.token)).toHaveLength(1);
    expect(await titles(bystander.token)).toEqual([]);
  });
});
