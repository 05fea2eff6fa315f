// The audit log read as a desk admin would: by person, action and days, in the
// API, on the page and as CSV (UTF-8 and Shift_JIS). Confidentiality of what
// the entries record is in audit-confidentiality.test.ts.
import { randomUUID } from "node:crypto";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RouterContextProvider } from "react-router";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildTheme, createMember, type Member } from "~/test/factories";
import { signInCookie } from "~/test/helpers";
import { tokyoIsoDate } from "~/lib/wareki";
import { requestIdContext, runtimeContext } from "~/server/context.server";
import * as auditApi from "./audit";
import * as auditExport from "./audit-export";
import * as auditPage from "../audit/audit";

const drivers = await testDrivers();

type Entry = { action: string; actorUserId: string | null; targetName: string | null; targetType: string };

describe.each(drivers)("reading the audit log on %s", (kind) => {
  let app: TestApp;
  let admin: Member;
  let staff: Member;
  beforeEach(async () => {
    app = await startTestApp(kind);
    admin = await createMember(app.runtime, { role: "desk_admin" });
    staff = await createMember(app.runtime, { role: "desk_staff", organizationId: admin.organizationId });
    await buildTheme(app.runtime, { desk: admin, input: { title: "管理者が起案したテーマ" } });
    await buildTheme(app.runtime, { desk: staff, status: "published", input: { title: "職員が公開したテーマ" } });
  });
  afterEach(async () => {
    await app.close();
  });

  const list = async (query: string) => {
    const res = await app.call(auditApi.loader, { path: `/api/v1/audit${query}`, token: admin.token });
    return { status: res.status, body: (await res.json()) as { items: Entry[]; errors?: { path: string }[] } };
  };

  it("narrows by person, action and days, and names each theme", async () => {
    const all = (await list("")).body.items;
    expect(all.filter((e) => e.targetType === "theme").map((e) => e.targetName)).toEqual(
      expect.arrayContaining(["管理者が起案したテーマ", "職員が公開したテーマ"]),
    );
    const byStaff = (await list(`?actor=${staff.userId}`)).body.items;
    expect(byStaff.length).toBeGreaterThan(0);
    expect(byStaff.every((e) => e.actorUserId === staff.userId)).toBe(true);
    expect((await list("?action=theme.publish")).body.items.map((e) => [e.action, e.targetName])).toEqual([
      ["theme.publish", "職員が公開したテーマ"],
    ]);
    const today = tokyoIsoDate();
    expect((await list(`?from=${today}&to=${today}`)).body.items).toHaveLength(all.length);
    expect((await list("?from=2000-01-01&to=2000-12-31")).body.items).toEqual([]);
  });

  it("reports every unreadable filter at once, in the API and on the page", async () => {
    const bad = await list("?from=2027-01-02&to=2027-01-01&actor=someone");
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(["actor", "to"]);

    const context = new RouterContextProvider();
    context.set(runtimeContext, app.runtime);
    context.set(requestIdContext, randomUUID());
    const request = new Request(new URL("/audit?from=2027-01-02&to=2027-01-01", app.runtime.config.baseUrl), {
      headers: { cookie: await signInCookie(app.runtime, admin.email) },
    });
    const page = (await (auditPage.loader as (args: unknown) => Promise<unknown>)({ request, params: {}, context })) as {
      items: unknown[];
      result: { error: Record<string, string[]> };
      filter: { from: string };
    };
    expect(page.items).toEqual([]);
    expect(page.filter.from).toBe("2027-01-02");
    expect(Object.keys(page.result.error)).toEqual(["to"]);
  });

  it("exports the filtered log as CSV, in UTF-8 with a BOM or in Shift_JIS", async () => {
    const csv = async (query: string) => {
      const res = await app.call(auditExport.loader, { path: `/api/v1/audit/export.csv${query}`, token: admin.token });
      expect(res.status).toBe(200);
      return { type: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
    };
    const utf8 = await csv("?action=theme.publish");
    expect(utf8.type).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(utf8.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text.slice(1).trimEnd().split("\r\n");
    expect(header).toBe("日時,操作した人,操作,操作コード,対象の種類,対象,対象ID,変更内容,リクエストID");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("テーマを公開,theme.publish,テーマ,職員が公開したテーマ");

    const sjis = await csv("?encoding=shift_jis");
    expect(sjis.type).toBe("text/csv; charset=Shift_JIS");
    expect(iconv.decode(Buffer.from(sjis.bytes), "cp932")).toContain("管理者が起案したテーマ");
  });

  it("is the desk admin's and the platform admin's to read: desk staff get 403", async () => {
    const res = await app.call(auditExport.loader, { path: "/api/v1/audit/export.csv", token: staff.token });
    expect(res.status).toBe(403);
  });
});
