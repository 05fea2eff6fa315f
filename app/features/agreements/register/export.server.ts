// The register as CSV (UTF-8 with BOM, or Shift_JIS for older Excel and
// municipal systems) and as Excel (.xlsx), with 団体コード and 法人番号 columns.
import { containsPattern } from "~/lib/db/like";
import { loadExcelJs } from "~/lib/exceljs.server";
import { writeCsv } from "~/lib/tabular.server";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { translate, translator, type Locale } from "~/lib/i18n";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { ScopedContext } from "~/lib/tenancy";
import { localGovernmentNames } from "~/features/directory/data.internal.server";
import { organizationsByIds } from "~/features/identity/data.internal.server";
import { agreementItems, agreementParties, agreements } from "../tables";
import type { AgreementListInput } from "../schema";

const MAX_EXPORT_ROWS = 50_000;

export interface ExportRow {
  id: string;
  title: string;
  method: string;
  status: string;
  localGovCode: string;
  municipalityName: string;
  partners: string;
  partnerCorporateNumbers: string;
  partnerLocalGovCodes: string;
  fields: string;
  items: number;
  startsOn: string;
  endsOn: string;
  signedOn: string;
  renewalRule: string;
  renewalYears: string;
  objectionDeadline: string;
  purpose: string;
  /** Cooperation items, one per line (the import reads them back the same way). */
  itemTitles: string;
}

const exportedColumns = {
  id: agreements.id,
  title: agreements.title,
  method: agreements.method,
  status: agreements.status,
  municipalityId: agreements.municipalityId,
  localGovCode: agreements.localGovCode,
  startsOn: agreements.startsOn,
  endsOn: agreements.endsOn,
  signedOn: agreements.signedOn,
  renewalRule: agreements.renewalRule,
  renewalYears: agreements.renewalYears,
  objectionDeadline: agreements.objectionDeadline,
  purpose: agreements.purpose,
};

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The caller's register (same scope and filters as the list), oldest first. */
export async function exportRows(
  ctx: ScopedContext,
  filters: Pick<AgreementListInput, "status" | "method" | "field" | "q">,
  locale: Locale = "ja",
): Promise<ExportRow[]> {
  const where: SQL[] = [
    sql`exists (select 1 from ${agreementParties} where ${agreementParties.agreementId} = ${agreements.id} and ${agreementParties.organizationId} = ${ctx.scope.organizationId})`,
  ];
  if (filters.status) where.push(eq(agreements.status, filters.status));
  if (filters.method) where.push(eq(agreements.method, filters.method));
  if (filters.field)
    where.push(
      sql`exists (select 1 from ${agreementItems} where ${agreementItems.agreementId} = ${agreements.id} and ${agreementItems.field} = ${filters.field})`,
    );
  if (filters.q) where.push(sql`${agreements.searchText} like ${containsPattern(normalizeForSearch(filters.q))}`);
  // Only the exported columns: the other long texts (roles, press release, search text…) make each row several times wider.
  const rows = await ctx.db
    .select(exportedColumns)
    .from(agreements)
    .where(and(...where))
    .orderBy(asc(agreements.createdAt), desc(agreements.id))
    .limit(MAX_EXPORT_ROWS);
  const ids = rows.map((r) => r.id);
  const [parties, items, places] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ agreementId: agreementParties.agreementId, organizationId: agreementParties.organizationId })
          .from(agreementParties)
          .where(inArray(agreementParties.agreementId, ids))
          .orderBy(asc(agreementParties.position))
      : Promise.resolve([]),
    // In order within each agreement: the items column lists them as the document numbers them.
    ids.length
      ? ctx.db
          .select({ agreementId: agreementItems.agreementId, field: agreementItems.field, title: agreementItems.title })
          .from(agreementItems)
          .where(inArray(agreementItems.agreementId, ids))
          .orderBy(asc(agreementItems.agreementId), asc(agreementItems.position))
      : Promise.resolve([]),
    localGovernmentNames(
      ctx.db,
      rows.map((r) => r.localGovCode),
    ),
  ]);
  const orgs = new Map(
    (
      await organizationsByIds(
        ctx.db,
        parties.map((p) => p.organizationId),
      )
    ).map((o) => [o.id, o]),
  );
  // Grouped once: filtering the whole list per row grows with the square of the register.
  const partiesOf = groupBy(parties, (p) => p.agreementId);
  const itemsOf = groupBy(items, (i) => i.agreementId);
  const t = translator(locale);
  return rows.map((r) => {
    const partners = (partiesOf.get(r.id) ?? [])
      .filter((p) => p.organizationId !== r.municipalityId)
      .map((p) => orgs.get(p.organizationId)!);
    const own = itemsOf.get(r.id) ?? [];
    return {
      id: r.id,
      title: r.title,
      method: t(`proposals.method.${r.method}`),
      status: t(`agreements.status.${r.status}`),
      localGovCode: r.localGovCode,
      municipalityName: places.get(r.localGovCode)?.fullName ?? "",
      partners: partners.map((p) => p.name).join("／"),
      partnerCorporateNumbers: partners
        .map((p) => p.corporateNumber ?? "")
        .filter(Boolean)
        .join("／"),
      partnerLocalGovCodes: partners
        .map((p) => p.localGovCode ?? "")
        .filter(Boolean)
        .join("／"),
      fields: [...new Set(own.map((i) => t.label("field", i.field)))].join("／"),
      items: own.length,
      startsOn: r.startsOn ?? "",
      endsOn: r.endsOn ?? "",
      signedOn: r.signedOn ?? "",
      renewalRule: t(`agreements.renewal.${r.renewalRule}`),
      renewalYears: r.renewalYears === null ? "" : String(r.renewalYears),
      objectionDeadline: r.objectionDeadline ?? "",
      purpose: r.purpose,
      itemTitles: own.map((i) => i.title).join("\n"),
    };
  });
}

const columns: (keyof ExportRow)[] = [
  "id",
  "title",
  "method",
  "status",
  "localGovCode",
  "municipalityName",
  "partners",
  "partnerCorporateNumbers",
  "partnerLocalGovCodes",
  "fields",
  "items",
  "startsOn",
  "endsOn",
  "signedOn",
  "renewalRule",
  "renewalYears",
  "objectionDeadline",
  "purpose",
  "itemTitles",
];

function header(locale: Locale): string[] {
  return columns.map((c) => translate(locale, `agreements.export.${c}`));
}

/** CSV bytes: UTF-8 with a BOM, or Shift_JIS (see writeCsv: formula-looking cells are neutralised). */
export function toCsv(rows: ExportRow[], encoding: "utf-8" | "shift_jis", locale: Locale = "ja"): Buffer {
  // 法人番号 and 団体コード keep their leading zeros as text.
  return writeCsv([header(locale), ...rows.map((r) => columns.map((c) => String(r[c])))], encoding);
}

export async function toXlsx(rows: ExportRow[], locale: Locale = "ja"): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "Renkei";
  const sheet = workbook.addWorksheet(translate(locale, "agreements.title"));
  sheet.columns = columns.map((key, i) => ({
    header: header(locale)[i],
    key,
    width: key === "title" || key === "purpose" || key === "itemTitles" ? 48 : key === "id" ? 38 : 18,
  }));
  // exceljs writes strings as text cells (never formulas), so "=HYPERLINK(…)" stays a name.
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  for (const key of ["purpose", "itemTitles"] as const) sheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  // Codes are text: never let Excel turn 010006 into 10006.
  for (const key of ["localGovCode", "partnerCorporateNumbers", "partnerLocalGovCodes"] as const) sheet.getColumn(key).numFmt = "@";
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
