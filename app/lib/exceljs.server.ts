// ExcelJS takes about 0.2 s to load: it is loaded on the first .xlsx read or
// written (an import, an export), not at every start of the server (issue 19).
import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((module) => module.default);
  return loading;
}
