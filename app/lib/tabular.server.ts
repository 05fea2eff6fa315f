// Reading a register someone keeps in Excel or CSV: the first sheet (or the
// CSV) as a header row and data rows of plain strings. CSV may be UTF-8 (with
// or without a BOM) or Shift_JIS (cp932), which is what Excel on Japanese
// Windows still writes by default. Writing CSV goes through writeCsv, which
// keeps cells from turning into spreadsheet formulas.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./exceljs.server";
import iconv from "iconv-lite";
import { AppError } from "./errors";

export const MAX_TABULAR_BYTES = 10 * 1024 * 1024;
export const MAX_TABULAR_ROWS = 10_000;
const MAX_COLUMNS = 100;

export interface Tabular {
  format: "csv" | "xlsx";
  /** How a CSV was encoded; null for xlsx. */
  encoding: "utf-8" | "shift_jis" | null;
  headers: string[];
  rows: string[][];
  /** The sheet row (1-based, as Excel numbers it) of each data row: blank rows are skipped. */
  rowNumbers: number[];
}

const fileError = (
  message:
    | "validation.tabular.type"
    | "validation.tabular.empty"
    | "validation.tabular.unreadable"
    | "validation.tabular.tooLarge"
    | "validation.tabular.tooManyRows",
  params?: Record<string, string | number>,
) => new AppError("validation", { fieldErrors: [{ path: "file", message, params }] });

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

// A spreadsheet reads a cell starting with = + - @ TAB or CR as a formula
// (OWASP, CSV injection). Quotes already in front are counted too, so that
// reading back strips exactly the one quote the writer added.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const WRITER_QUOTE = /^'+[=+\-@\t\r]/;

/** `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`: spreadsheets show it as text, never run it. */
export function neutralizeFormula(cell: string): string {
  return NEEDS_QUOTE.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralizeFormula, so an exported register imports back unchanged. */
export function restoreNeutralized(cell: string): string {
  return WRITER_QUOTE.test(cell) ? cell.slice(1) : cell;
}

/**
 * Every CSV the product writes: formula-looking cells neutralised, CRLF rows,
 * UTF-8 with a BOM (Excel reads it right) or Shift_JIS (cp932: also ①, 髙).
 */
export function writeCsv(rows: readonly (readonly string[])[], encoding: "utf-8" | "shift_jis"): Buffer {
  const text = stringify(
    rows.map((row) => row.map(neutralizeFormula)),
    { record_delimiter: "\r\n" },
  );
  return encoding === "shift_jis"
    ? iconv.encode(text, "cp932")
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/** UTF-8 when the bytes are valid UTF-8 (or carry its BOM), else Shift_JIS. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "shift_jis" } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "cp932"), encoding: "shift_jis" };
  }
}

/** A cell as the text a person sees: dates as YYYY-MM-DD, formulas as their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel dates carry no zone; exceljs hands them over as UTC midnight.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw fileError("validation.tabular.unreadable");
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > MAX_TABULAR_ROWS + 2) return;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellText(row.getCell(c).value));
    out[rowNumber - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

function readCsv(text: string): string[][] {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    throw fileError("validation.tabular.unreadable");
  }
}

/**
 * The header row and the data rows of an uploaded .xlsx or .csv. Blank rows
 * are dropped, cells are trimmed, and every row is as wide as the header.
 * Refuses other formats (old .xls included) with a field error on "file".
 */
export async function readTabular(bytes: Uint8Array, filename: string): Promise<Tabular> {
  if (bytes.byteLength === 0) throw fileError("validation.tabular.empty");
  if (bytes.byteLength > MAX_TABULAR_BYTES) throw fileError("validation.tabular.tooLarge", { max: MAX_TABULAR_BYTES / 1024 / 1024 });
  let format: Tabular["format"];
  let encoding: Tabular["encoding"] = null;
  let raw: string[][];
  if (isZip(bytes)) {
    format = "xlsx";
    raw = await readXlsx(bytes);
  } else if (isOle(bytes) || /\.(xls|ods|numbers)$/i.test(filename)) {
    throw fileError("validation.tabular.type");
  } else {
    const decoded = decodeText(bytes);
    // A text file with NUL bytes is not a CSV (an image, a PDF …).
    if (decoded.text.includes("\u0000")) throw fileError("validation.tabular.type");
    format = "csv";
    encoding = decoded.encoding;
    raw = readCsv(decoded.text);
  }
  const nonBlank = raw
    .map((r, i) => ({ number: i + 1, cells: r.slice(0, MAX_COLUMNS).map((c) => restoreNeutralized(c).replace(/\r\n?/g, "\n").trim()) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  if (nonBlank.length < 2) throw fileError("validation.tabular.empty");
  const [header, ...rows] = nonBlank as [(typeof nonBlank)[number], ...typeof nonBlank];
  if (rows.length > MAX_TABULAR_ROWS) throw fileError("validation.tabular.tooManyRows", { max: MAX_TABULAR_ROWS });
  const width = header.cells.length;
  return {
    format,
    encoding,
    headers: header.cells,
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => r.cells[i] ?? "")),
    rowNumbers: rows.map((r) => r.number),
  };
}
