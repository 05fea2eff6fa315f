// Importing an existing agreement register (協定台帳) kept in Excel or CSV:
// which column holds what (guessed from the headers, changeable), and how one
// row becomes an agreement. Pure functions: the database part (partners,
// duplicates, writing) is in import.server.ts.
import { z } from "zod";
import { instant, rowId } from "~/lib/api-schemas";
import { isValidCorporateNumber, normalizeCorporateNumber } from "~/lib/corporate-number";
import { translate, type MessageKey, type MessageParams } from "~/lib/i18n";
import { isValidLocalGovCode } from "~/lib/local-gov-code";
import type { OrganizationKind } from "~/lib/roles";
import { policyFieldCodes, type PolicyFieldCode } from "~/lib/policy-fields";
import { optional, zodIssuesToFieldErrors } from "~/lib/validation";
import { parseJapaneseDate } from "~/lib/wareki";
import {
  agreementMethods,
  agreementStatuses,
  renewalRules,
  type AgreementMethod,
  type AgreementStatus,
  type RenewalRule,
} from "../constants";
import { agreementInput } from "../schema";

/** What a column can be used for, in the order the mapping form shows them. */
export const importTargets = [
  "title",
  "method",
  "status",
  "partners",
  "partnerCorporateNumbers",
  "partnerLocalGovCodes",
  "purpose",
  "fields",
  "items",
  "startsOn",
  "endsOn",
  "signedOn",
  "renewalRule",
  "renewalYears",
  "objectionDeadline",
  "publicSummary",
] as const;
export type ImportTarget = (typeof importTargets)[number];
export const requiredImportTargets: readonly ImportTarget[] = ["title", "partners", "purpose", "fields"];

/**
 * The mapping form: per target, the index of the file's column (blank for
 * none). Which columns exist is known only from the file, so the server
 * checks the choice (mappingFromNames); required targets may stay unmapped
 * until then, each row then says what it misses.
 */
export const importMappingFormInput = z.object({
  mapping: z.object(Object.fromEntries(importTargets.map((target) => [target, optional(z.string().regex(/^\d{1,3}$/))]))),
});

/** Target → column index in the file (unmapped targets are absent). */
export type ImportMapping = Partial<Record<ImportTarget, number>>;

const importStatuses = ["pending", "committed", "cancelled"] as const;

/** A staged import in the list of the latest ones. */
export const importSummary = z
  .object({
    id: rowId(),
    filename: z.string(),
    status: z.enum(importStatuses),
    createdCount: z.number().int().nullable(),
    createdAt: instant(),
    rowCount: z.number().int(),
  })
  .meta({ id: "AgreementImportSummary" });
export type ImportSummary = z.output<typeof importSummary>;

export const importRowView = z.object({
  row: z.number().int().meta({ description: "The row number in the sheet." }),
  title: z.string(),
  method: z.string(),
  status: z.string(),
  partners: z.array(z.object({ name: z.string(), isNew: z.boolean() })),
  fields: z.array(z.string()),
  items: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  errors: z.array(
    z.object({ column: z.enum(importTargets).nullable(), message: z.string().meta({ description: "In the reader's language." }) }),
  ),
});
export type ImportRowView = z.output<typeof importRowView>;

/** A staged register import as the review page and the API show it. */
export const importView = z
  .object({
    id: rowId(),
    filename: z.string(),
    format: z.enum(["csv", "xlsx"]),
    encoding: z.string().nullable(),
    status: z.enum(importStatuses),
    headers: z.array(z.string()),
    mapping: z
      .record(z.enum(importTargets), z.string().nullable())
      .meta({ description: "Target → the header of the column used for it (null: not used)." }),
    columns: z
      .partialRecord(z.enum(importTargets), z.number().int())
      .meta({ description: "Target → column index, as the mapping form posts it." }),
    missingRequired: z.array(z.enum(importTargets)),
    summary: z.object({ rows: z.number().int(), ready: z.number().int(), withErrors: z.number().int() }),
    newOrganizations: z
      .array(
        z.object({
          name: z.string(),
          kind: z.string(),
          corporateNumber: z.string().nullable(),
          localGovCode: z.string().nullable(),
          similarTo: z
            .object({ id: rowId(), name: z.string() })
            .nullable()
            .meta({ description: "The organisation on Renkei whose name is most alike (maybe the same body)." }),
        }),
      )
      .meta({ description: "Partners not on Renkei yet that confirming will register." }),
    rows: z.array(importRowView).meta({ description: "Every row with a problem (up to 500), then the first rows that are ready." }),
    createdCount: z.number().int().nullable(),
    createdAt: instant(),
    committedAt: instant().nullable(),
  })
  .meta({ id: "AgreementImport" });
export type ImportView = z.output<typeof importView>;

/** What confirming an import wrote. */
export const importCommitResult = z
  .object({ created: z.number().int(), agreementIds: z.array(rowId()) })
  .meta({ id: "AgreementImportResult" });
export type ImportCommitResult = z.output<typeof importCommitResult>;

/** Statuses an imported agreement may have: approvals in progress are entered by hand. */
export const importableStatuses = agreementStatuses.filter((s) => s !== "internal_approval");
const signedStatuses: readonly AgreementStatus[] = ["signed", "active", "renewal_review", "renewed", "ended", "terminated"];

/** How registers commonly name their columns, besides our own export's headers. */
const headerAliases: Record<ImportTarget, string[]> = {
  title: ["協定名", "協定名称", "名称", "件名", "協定の名称", "title", "name"],
  method: ["連携の方法", "協定の種類", "種類", "種別", "区分", "method"],
  status: ["状態", "ステータス", "状況", "status"],
  partners: ["連携の相手", "相手方", "締結先", "協定先", "連携先", "相手先", "協定締結先", "締結相手", "partners"],
  partnerCorporateNumbers: ["相手方の法人番号", "法人番号", "締結先の法人番号"],
  partnerLocalGovCodes: ["相手方の団体コード", "締結先の団体コード"],
  purpose: ["目的", "協定の目的", "概要", "協定の概要", "内容", "purpose"],
  fields: ["分野", "連携分野", "政策分野", "fields"],
  items: ["連携事項", "協定事項", "連携内容", "連携項目", "items"],
  startsOn: ["開始日", "協定開始日", "有効期間開始日", "期間開始日", "start"],
  endsOn: ["終了日", "協定終了日", "有効期限", "期間満了日", "有効期間終了日", "end"],
  signedOn: ["締結日", "協定締結日", "締結年月日", "signed"],
  renewalRule: ["更新の方法", "更新", "自動更新の有無", "renewal"],
  renewalYears: ["更新の年数", "更新年数", "更新期間"],
  objectionDeadline: ["異議申出期限", "異議の申出期限", "申出期限"],
  publicSummary: ["公開用の概要", "公表内容", "公開概要"],
};

/** Header text compared without width, case, spaces, brackets or a trailing colon. */
const headerKey = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s()（）「」【】:：*＊※]/g, "");

/**
 * Which column holds what: a header equal to one of the target's names (ours
 * in either language, or a common register heading). Each column is used once.
 */
export function guessMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const target of importTargets) {
    const names = new Set(
      [
        ...headerAliases[target],
        translate("ja", `agreements.import.target.${target}`),
        translate("en", `agreements.import.target.${target}`),
      ].map(headerKey),
    );
    const index = headers.findIndex((h, i) => !used.has(i) && names.has(headerKey(h)));
    if (index >= 0) {
      mapping[target] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** A mapping as the API and the form send it: target → header name or column number, blank for none. */
export function mappingFromNames(
  headers: string[],
  raw: Record<string, unknown>,
): { mapping: ImportMapping; errors: { path: string; message: MessageKey }[] } {
  const mapping: ImportMapping = {};
  const errors: { path: string; message: MessageKey }[] = [];
  for (const target of importTargets) {
    const value = raw[target];
    if (value === undefined || value === null || value === "") continue;
    const asNumber = typeof value === "number" ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
    const index = Number.isInteger(asNumber) && asNumber >= 0 && asNumber < headers.length ? asNumber : headers.indexOf(String(value));
    if (index < 0) errors.push({ path: `mapping.${target}`, message: "validation.invalidChoice" });
    else mapping[target] = index;
  }
  return { mapping, errors };
}

export interface ImportRowError {
  /** The target (column) the problem is in, or null for the row as a whole. */
  column: ImportTarget | null;
  message: MessageKey;
  params?: MessageParams;
}

/** What one row says, read but not yet checked against the database. */
export interface ImportCandidate {
  title: string;
  method: AgreementMethod;
  status: AgreementStatus;
  partnerNames: string[];
  corporateNumbers: string[];
  localGovCodes: string[];
  purpose: string;
  fields: PolicyFieldCode[];
  itemTitles: string[];
  startsOn: string | null;
  endsOn: string | null;
  signedOn: string | null;
  renewalRule: RenewalRule;
  renewalYears: number | null;
  objectionDeadline: string | null;
  publicSummary: string;
}

const listSeparators = /[\n／/、,;；]+/;
/** "1. 防災訓練", "（2）…", "・…": list markers people put in front of items. */
const itemMarker = /^\s*(?:[・●○■□◆◇\-*]|[（(]?[0-9０-９]+[)）.．、]|[①-⑳])\s*/;

export const splitList = (text: string) =>
  text
    .split(listSeparators)
    .map((s) => s.trim())
    .filter(Boolean);

const splitLines = (text: string) =>
  text
    .split("\n")
    .map((s) => s.replace(itemMarker, "").trim())
    .filter(Boolean);

/** Label or code → value, compared like headers. */
function lookup<T extends string>(
  values: readonly T[],
  labelKey: (v: T) => MessageKey,
  extra: Record<string, T> = {},
): (text: string) => T | undefined {
  const table = new Map<string, T>();
  for (const [alias, value] of Object.entries(extra)) table.set(headerKey(alias), value);
  for (const v of values) {
    table.set(headerKey(v), v);
    table.set(headerKey(translate("ja", labelKey(v))), v);
    table.set(headerKey(translate("en", labelKey(v))), v);
  }
  return (text) => table.get(headerKey(text));
}

const methodOf = lookup(agreementMethods, (m) => `proposals.method.${m}`, {
  包括協定: "comprehensive",
  包括: "comprehensive",
  事業協定: "project",
  連携協定: "project",
  事業連携: "project",
  その他連携: "other",
  協定なし: "other",
  公募: "procurement",
  調達: "procurement",
});
const statusOf = lookup(agreementStatuses, (s) => `agreements.status.${s}`, {
  締結: "signed",
  有効: "active",
  継続中: "active",
  連携中: "active",
  更新: "renewed",
  満了: "ended",
  失効: "ended",
  廃止: "terminated",
});
const renewalOf = lookup(renewalRules, (r) => `agreements.renewal.${r}`, {
  あり: "automatic",
  有: "automatic",
  自動: "automatic",
  なし: "explicit",
  無: "explicit",
  協議: "explicit",
  都度協議: "explicit",
});

/** A field by its code, its label, or parts of its label ("防災", "子育て支援"). */
const fieldOf = (() => {
  const table = new Map<string, PolicyFieldCode>();
  for (const code of policyFieldCodes) {
    const label = translate("ja", `field.${code}`);
    for (const key of [code, label, translate("en", `field.${code}`), ...label.split("・")])
      if (!table.has(headerKey(key))) table.set(headerKey(key), code);
  }
  return (token: string): PolicyFieldCode | undefined => {
    const exact = table.get(headerKey(token));
    if (exact) return exact;
    const parts = token.split("・").map((p) => table.get(headerKey(p)));
    return parts.length > 1 && parts.every((p) => p && p === parts[0]) ? parts[0] : undefined;
  };
})();

/**
 * One row of the file as an agreement candidate, with everything wrong with
 * it that can be told without the database. Blank method: 包括 in the title
 * means a comprehensive agreement, else a project agreement. Blank status:
 * active when a signing date is given, else draft.
 */
export function interpretRow(cells: string[], mapping: ImportMapping): { candidate: ImportCandidate; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const cell = (t: ImportTarget) => (mapping[t] === undefined ? "" : (cells[mapping[t]!] ?? "").trim());
  const date = (t: ImportTarget) => {
    const text = cell(t);
    if (!text) return null;
    const iso = parseJapaneseDate(text);
    if (!iso) errors.push({ column: t, message: "validation.import.date", params: { value: text } });
    return iso;
  };
  const title = cell("title");

  const methodText = cell("method");
  let method: AgreementMethod = /包括/.test(title) ? "comprehensive" : "project";
  if (methodText) {
    const m = methodOf(methodText);
    if (m) method = m;
    else errors.push({ column: "method", message: "validation.import.unknownValue", params: { value: methodText } });
  }

  const signedOn = date("signedOn");
  const statusText = cell("status");
  let status: AgreementStatus = signedOn ? "active" : "draft";
  if (statusText) {
    const s = statusOf(statusText);
    if (!s) errors.push({ column: "status", message: "validation.import.unknownValue", params: { value: statusText } });
    else if (s === "internal_approval") errors.push({ column: "status", message: "validation.import.inApproval" });
    else status = s;
  }
  if (signedStatuses.includes(status) && !signedOn && !errors.some((e) => e.column === "signedOn")) {
    errors.push({ column: "signedOn", message: "validation.import.signedOnRequired" });
  }

  const fieldTokens = splitList(cell("fields"));
  const fields: PolicyFieldCode[] = [];
  for (const token of fieldTokens) {
    const code = fieldOf(token);
    if (!code) errors.push({ column: "fields", message: "validation.import.unknownField", params: { value: token } });
    else if (!fields.includes(code)) fields.push(code);
  }
  if (fieldTokens.length === 0) errors.push({ column: "fields", message: "validation.import.fieldsRequired" });

  const corporateNumbers = splitList(cell("partnerCorporateNumbers")).map(normalizeCorporateNumber);
  for (const n of corporateNumbers)
    if (!isValidCorporateNumber(n))
      errors.push({ column: "partnerCorporateNumbers", message: "validation.corporateNumber.checkDigit", params: { value: n } });
  const localGovCodes = splitList(cell("partnerLocalGovCodes")).map((c) => c.normalize("NFKC"));
  for (const c of localGovCodes)
    if (!isValidLocalGovCode(c))
      errors.push({ column: "partnerLocalGovCodes", message: "validation.import.localGovCode", params: { value: c } });
  const partnerNames = splitList(cell("partners"));
  if (partnerNames.length === 0 && corporateNumbers.length === 0 && localGovCodes.length === 0)
    errors.push({ column: "partners", message: "validation.partnersRequired" });

  const renewalText = cell("renewalRule");
  let renewalRule: RenewalRule = "explicit";
  let renewalYears: number | null = null;
  if (renewalText) {
    // "自動更新（1年）", "自動更新 2年ごと": the rule and its years in one cell.
    const years = /(\d+)\s*年/.exec(renewalText.normalize("NFKC"));
    const rule =
      renewalOf(renewalText.replace(/[（(].*$/, "").replace(/\d+\s*年.*$/, "")) ?? (/自動/.test(renewalText) ? "automatic" : undefined);
    if (!rule) errors.push({ column: "renewalRule", message: "validation.import.unknownValue", params: { value: renewalText } });
    else renewalRule = rule;
    if (years) renewalYears = Number(years[1]);
  }
  const yearsText = cell("renewalYears").normalize("NFKC").replace(/年.*$/, "");
  if (yearsText) {
    if (/^\d+$/.test(yearsText)) renewalYears = Number(yearsText);
    else errors.push({ column: "renewalYears", message: "validation.import.unknownValue", params: { value: cell("renewalYears") } });
  }

  const candidate: ImportCandidate = {
    title,
    method,
    status,
    partnerNames,
    corporateNumbers,
    localGovCodes,
    purpose: cell("purpose"),
    fields,
    itemTitles: splitLines(cell("items")),
    startsOn: date("startsOn"),
    endsOn: date("endsOn"),
    signedOn,
    renewalRule,
    renewalYears,
    objectionDeadline: date("objectionDeadline"),
    publicSummary: cell("publicSummary"),
  };
  // The same rules as an agreement entered by hand (lengths, required text, term order, renewal).
  const checked = agreementInput.safeParse(agreementInputOf(candidate, ["00000000-0000-4000-8000-000000000000"]));
  if (!checked.success) {
    for (const fe of zodIssuesToFieldErrors(checked.error.issues)) {
      const column = columnOfPath(fe.path);
      if (!errors.some((e) => e.column === column)) errors.push({ column, message: fe.message, params: fe.params });
    }
  }
  return { candidate, errors };
}

/** Which column an agreementInput path came from. */
function columnOfPath(path: string): ImportTarget | null {
  const head = path.split(".")[0]!;
  if (head === "items") return path.endsWith(".field") ? "fields" : "items";
  if (head === "partnerIds") return "partners";
  return (importTargets as readonly string[]).includes(head) ? (head as ImportTarget) : null;
}

/**
 * The agreement input of a candidate. Items: one per line of the items
 * column, each with the field in the same position (or the first field);
 * without items, one item per field, named after the field.
 */
export function agreementInputOf(c: ImportCandidate, partnerIds: string[]) {
  const items = c.itemTitles.length
    ? c.itemTitles.map((title, i) => ({ title, field: c.fields.length === c.itemTitles.length ? c.fields[i] : c.fields[0] }))
    : c.fields.map((field) => ({ title: translate("ja", `field.${field}`), field }));
  return {
    title: c.title,
    method: c.method,
    partnerIds,
    purpose: c.purpose,
    startsOn: c.startsOn ?? undefined,
    endsOn: c.endsOn ?? undefined,
    renewalRule: c.renewalRule,
    renewalYears: c.renewalYears ?? undefined,
    objectionDeadline: c.objectionDeadline ?? undefined,
    items,
  };
}

/** The kind of a partner not yet on Renkei, from its legal name. */
export function guessOrganizationKind(name: string): OrganizationKind {
  const n = name.normalize("NFKC");
  if (/大学|短期大学|高等専門学校|学校法人/.test(n)) return "university";
  if (/銀行|信用金庫|信用組合|労働金庫|農業協同組合|証券|生命保険|損害保険/.test(n)) return "financial_institution";
  if (/商工会議所|商工会$/.test(n)) return "chamber_of_commerce";
  if (/特定非営利活動法人|NPO法人/i.test(n)) return "npo";
  if (/^(一般|公益)(社団|財団)法人/.test(n)) return "other";
  return "company";
}

/** Names compared as people mean them: width, spaces and 株式会社/(株) variants aside. */
export const organizationNameKey = (name: string) =>
  name
    .normalize("NFKC")
    .replace(/\(株\)/g, "株式会社")
    .replace(/\(有\)/g, "有限会社")
    .replace(/\s+/g, "")
    .toLowerCase();

export const isSignedStatus = (s: AgreementStatus) => signedStatuses.includes(s);
