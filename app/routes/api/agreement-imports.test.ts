import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { createMember, createOrganization, validCorporateNumber } from "~/test/factories";
import * as importsApi from "./agreement-imports";
import * as importApi from "./agreement-import";
import * as agreementsApi from "./agreements";
import * as agreementApi from "./agreement";
import * as exportRoute from "./agreements-export";
import * as auditApi from "./audit";

const drivers = await testDrivers();

const header = "協定名,締結先,法人番号,分野,概要,連携事項,締結日,有効期限,状態";
const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");

describe.each(drivers)("agreement register import on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  async function setup() {
    const desk = await createMember(app.runtime, { role: "desk_admin" });
    const company = await createOrganization(app.runtime.db, { kind: "company", name: "株式会社北陸テスト" });
    const companyMember = await createMember(app.runtime, { role: "member", organizationId: company.id });
    const newUniversityNumber = validCorporateNumber();
    return { desk, company, companyMember, newUniversityNumber };
  }

  const upload = (token: string, bytes: Uint8Array, filename: string) => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from(bytes)]), filename);
    return app.call(importsApi.action, { path: "/api/v1/agreements/imports", method: "POST", token, body: form });
  };
  const call = (
    token: string,
    id: string,
    options: { method?: string; action?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) =>
    app.call(options.method === undefined || options.method === "GET" ? importApi.loader : importApi.action, {
      path: `/api/v1/agreements/imports/${id}${options.action ? `/${options.action}` : ""}`,
      method: options.method ?? "GET",
      token,
      json: options.json,
      headers: options.headers,
      params: { id, ...(options.action ? { action: options.action } : {}) },
    });
  const registerTotal = async (token: string) =>
    (await (await app.call(agreementsApi.loader, { path: "/api/v1/agreements", token })).json()).total as number;

  function registerCsv(s: Awaited<ReturnType<typeof setup>>, broken: boolean): Uint8Array {
    const rows = [
      header,
      line([
        "防災に関する包括連携協定",
        "株式会社北陸テスト",
        s.company.corporateNumber!,
        "防災／子育て支援",
        "災害に強いまちをつくる",
        "防災訓練の共催\n子育て情報の発信",
        "令和5年4月1日",
        "2028/3/31",
        "連携中",
      ]),
      line([
        "学びの連携協定",
        "国立大学法人テスト工業大学、株式会社北陸テスト",
        s.newUniversityNumber,
        "教育",
        "地域の学びを広げる",
        "",
        "R2.10.11",
        "R5.10.10",
        "終了",
      ]),
    ];
    if (broken) rows.push(line(["観光の協定", "株式会社北陸テスト", "", "観光、宇宙開発", "観光客を増やす", "", "令和5年13月1日", "", ""]));
    return iconv.encode(rows.join("\r\n"), "cp932");
  }

  it("previews per-row problems in Japanese, writes nothing until confirmed, then writes all rows at once", async () => {
    const s = await setup();
    const res = await upload(s.desk.token, registerCsv(s, true), "協定台帳.csv");
    expect(res.status).toBe(201);
    const view = await res.json();
    expect(view).toMatchObject({ format: "csv", encoding: "shift_jis", status: "pending", summary: { rows: 3, ready: 2, withErrors: 1 } });
    expect(view.mapping).toMatchObject({
      title: "協定名",
      partners: "締結先",
      partnerCorporateNumbers: "法人番号",
      fields: "分野",
      purpose: "概要",
      items: "連携事項",
      signedOn: "締結日",
      endsOn: "有効期限",
      status: "状態",
    });
    const bad = view.rows.find((r: { row: number }) => r.row === 4);
    expect(bad.errors.map((e: { message: string }) => e.message)).toEqual([
      "締結日: 「令和5年13月1日」を日付として読めません（2023/4/1、令和5年4月1日 などで書いてください）。",
      "分野: 「宇宙開発」という分野はありません。",
    ]);
    expect(view.newOrganizations).toEqual([
      {
        name: "国立大学法人テスト工業大学",
        kind: "university",
        corporateNumber: s.newUniversityNumber,
        localGovCode: null,
        similarTo: null,
      },
    ]);
    const first = view.rows.find((r: { row: number }) => r.row === 2);
    expect(first).toMatchObject({
      title: "防災に関する包括連携協定",
      method: "comprehensive",
      status: "active",
      items: 2,
      partners: [{ name: "株式会社北陸テスト", isNew: false }],
      errors: [],
    });

    // One bad row refuses the whole import; nothing was written.
    const refused = await call(s.desk.token, view.id, { method: "POST", action: "commit" });
    expect(refused.status).toBe(422);
    const problem = await refused.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(["rows.4.signedOn", "rows.4.fields"]);
    expect(await registerTotal(s.desk.token)).toBe(0);

    // The corrected file goes through.
    const fixed = await (await upload(s.desk.token, registerCsv(s, false), "協定台帳.csv")).json();
    expect(fixed.summary).toEqual({ rows: 2, ready: 2, withErrors: 0 });
    const committed = await call(s.desk.token, fixed.id, { method: "POST", action: "commit" });
    expect(committed.status).toBe(201);
    const result = await committed.json();
    expect(result.created).toBe(2);
    expect(await registerTotal(s.desk.token)).toBe(2);

    const detail = await (
      await app.call(agreementApi.loader, {
        path: `/api/v1/agreements/${result.agreementIds[1]}`,
        token: s.desk.token,
        params: { id: result.agreementIds[1] },
      })
    ).json();
    expect(detail).toMatchObject({
      title: "学びの連携協定",
      status: "ended",
      signedOn: "2020-10-11",
      endsOn: "2023-10-10",
      method: "project",
    });
    expect(detail.parties.map((p: { name: string; kind: string }) => [p.name, p.kind])).toEqual([
      expect.any(Array),
      ["国立大学法人テスト工業大学", "university"],
      ["株式会社北陸テスト", "company"],
    ]);
    expect(detail.items).toEqual([expect.objectContaining({ title: "教育・人材育成・青少年", field: "education" })]);
    expect(detail.timeline[0].note).toBe("台帳ファイル「協定台帳.csv」から取り込み");

    // The partner sees both in its register; confirming twice is refused; the same file again is a duplicate.
    expect(await registerTotal(s.companyMember.token)).toBe(2);
    expect((await call(s.desk.token, fixed.id, { method: "POST", action: "commit" })).status).toBe(409);
    const again = await (await upload(s.desk.token, registerCsv(s, false), "協定台帳.csv")).json();
    expect(again.summary.withErrors).toBe(2);
    expect(again.rows[0].errors[0].message).toBe("協定の名称: 同じ名称の協定がすでに台帳にあります。");

    // Audited: the staging, the import, and the partner it registered.
    const audit = await (await app.call(auditApi.loader, { path: "/api/v1/audit", token: s.desk.token })).json();
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["agreement.importStage", "agreement.import", "organization.create"]));
  });

  it("points out a new partner whose name, legal form aside, is one already on Renkei", async () => {
    const s = await setup();
    const csv = [
      header,
      line(["見守りの協定", "北陸テスト（株）", "", "見守り", "高齢者を見守る", "", "", "", ""]),
      line(["環境の協定", "みどりテスト環境研究所", "", "環境", "ごみを減らす", "", "", "", ""]),
    ].join("\r\n");
    const view = await (await upload(s.desk.token, Buffer.from(csv, "utf8"), "similar.csv")).json();
    expect(view.newOrganizations).toEqual([
      expect.objectContaining({ name: "北陸テスト（株）", similarTo: { id: s.company.id, name: "株式会社北陸テスト" } }),
      expect.objectContaining({ name: "みどりテスト環境研究所", similarTo: null }),
    ]);
  });

  it("lets the desk choose columns, refuses one column for two items, and cancels", async () => {
    const s = await setup();
    const csv = [
      "名称,相手方,分野,内容,協定期間（開始）",
      line(["見守りの協定", "株式会社北陸テスト", "見守り", "高齢者を見守る", "2024/4/1"]),
    ].join("\r\n");
    const view = await (await upload(s.desk.token, Buffer.from(csv, "utf8"), "mapping.csv")).json();
    expect(view.mapping.startsOn).toBeNull();
    expect(view.missingRequired).toEqual([]);
    const patched = await call(s.desk.token, view.id, {
      method: "PATCH",
      json: { mapping: { ...view.mapping, startsOn: "協定期間（開始）" } },
    });
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(after.rows[0]).toMatchObject({ startsOn: "2024-04-01", fields: ["safety"], errors: [] });
    const twice = await call(s.desk.token, view.id, {
      method: "PATCH",
      json: { mapping: { title: "名称", purpose: "名称", partners: 1, fields: 2 } },
    });
    expect(twice.status).toBe(422);
    expect((await twice.json()).errors[0].path).toBe("mapping.title");
    const unknown = await call(s.desk.token, view.id, { method: "PATCH", json: { mapping: { title: "ない列" } } });
    expect(unknown.status).toBe(422);

    expect((await call(s.desk.token, view.id, { method: "DELETE" })).status).toBe(204);
    expect((await (await call(s.desk.token, view.id)).json()).status).toBe("cancelled");
    expect((await call(s.desk.token, view.id, { method: "POST", action: "commit" })).status).toBe(409);
    expect(await registerTotal(s.desk.token)).toBe(0);
  });

  it("streams progress when asked, and reads back its own xlsx export into another municipality", async () => {
    const s = await setup();
    const view = await (await upload(s.desk.token, registerCsv(s, false), "a.csv")).json();
    const res = await call(s.desk.token, view.id, { method: "POST", action: "commit", headers: { accept: "application/x-ndjson" } });
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ type: "progress", done: 0, total: 2 });
    expect(lines.at(-1)).toEqual({ type: "done", created: 2 });

    const xlsx = new Uint8Array(
      await (await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.xlsx", token: s.desk.token })).arrayBuffer(),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(3);
    const otherDesk = await createMember(app.runtime, { role: "desk_admin" });
    const roundTrip = await (await upload(otherDesk.token, xlsx, "export.xlsx")).json();
    expect(roundTrip.summary).toEqual({ rows: 2, ready: 2, withErrors: 0 });
    expect(roundTrip.newOrganizations).toEqual([]);
    expect((await call(otherDesk.token, roundTrip.id, { method: "POST", action: "commit" })).status).toBe(201);
    const exported = Buffer.from(
      await (await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.csv", token: otherDesk.token })).arrayBuffer(),
    ).toString("utf8");
    expect(exported).toContain("防災に関する包括連携協定");
    expect(exported).toContain("防災訓練の共催\n子育て情報の発信");
  });

  it("keeps imports to their own desk: other tenants get 404, other roles 403, no token 401", async () => {
    const s = await setup();
    const view = await (await upload(s.desk.token, registerCsv(s, false), "a.csv")).json();
    const otherDesk = await createMember(app.runtime, { role: "desk_admin" });
    const deptStaff = await createMember(app.runtime, { role: "department_staff", organizationId: s.desk.organizationId });
    for (const options of [
      {},
      { method: "PATCH", json: { mapping: {} } },
      { method: "DELETE" },
      { method: "POST", action: "commit" },
      { method: "POST", action: "commit", headers: { accept: "application/x-ndjson" } },
    ]) {
      expect((await call(otherDesk.token, view.id, options)).status, JSON.stringify(options)).toBe(404);
      expect((await call(s.companyMember.token, view.id, options)).status, JSON.stringify(options)).toBe(403);
      expect((await call(deptStaff.token, view.id, options)).status, JSON.stringify(options)).toBe(403);
    }
    expect((await upload(s.companyMember.token, registerCsv(s, false), "a.csv")).status).toBe(403);
    expect((await app.call(importsApi.loader, { path: "/api/v1/agreements/imports", token: otherDesk.token })).status).toBe(200);
    expect(
      (await (await app.call(importsApi.loader, { path: "/api/v1/agreements/imports", token: otherDesk.token })).json()).items,
    ).toEqual([]);
    expect((await app.call(importsApi.loader, { path: "/api/v1/agreements/imports" })).status).toBe(401);
    expect((await call(s.desk.token, "not-a-uuid")).status).toBe(404);
    expect(await registerTotal(s.desk.token)).toBe(0);
  });

  it("answers a file it cannot read with a problem document on the file field", async () => {
    const s = await setup();
    const res = await upload(s.desk.token, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "old.xls");
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "file", message: expect.stringContaining(".xlsx") }] });
    const empty = await app.call(importsApi.action, { path: "/api/v1/agreements/imports", method: "POST", token: s.desk.token, body: "" });
    expect(empty.status).toBe(422);
  });
});
