// An audit entry made readable: what changed as a list of fields with their
// value before and after, and the page of the object it records. Pure: the
// page and the CSV export both use it.
import type { LabelPrefix } from "~/lib/i18n";
import type { AuditEntry } from "./schema";

export interface FieldChange {
  /** The field's code as recorded ("status", "approverName"); "" when the entry recorded a single value. */
  field: string;
  before: string | null;
  after: string | null;
}

const MAX_VALUE_LENGTH = 300;

/** Turns a recorded code ("in_dialogue") into its label for a field, or leaves it as it is. */
export type CodeLabel = (field: string, code: string) => string;
const asRecorded: CodeLabel = (_field, code) => code;

/** A recorded value as one line of text: codes as their labels, lists joined, objects as JSON, long text cut. */
export function displayValue(value: unknown, field = "", label: CodeLabel = asRecorded): string | null {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  const text =
    typeof value === "string"
      ? label(field, value)
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)
          ? value.map((v) => (typeof v === "string" ? label(field, v) : String(v ?? ""))).join("、")
          : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/**
 * Where the catalog labels a field's codes, by the type of object recorded:
 * a proposal's status is a proposal status, an agreement's an agreement's.
 */
export function codeLabelPrefix(targetType: string, field: string): LabelPrefix | null {
  if (field === "status") return statusLabels[targetType] ?? null;
  return fieldLabels[field] ?? null;
}
const statusLabels: Record<string, LabelPrefix> = {
  proposal: "proposals.status",
  agreement: "agreements.status",
  theme: "themes.status",
  project: "results.status",
};
const fieldLabels: Record<string, LabelPrefix> = {
  agreementStatus: "agreements.status",
  method: "proposals.method",
  grounds: "proposals.ground",
  fields: "field",
  role: "role",
};

/** The code labeller of an entry about a `targetType`, given the locale's translateLabel. */
export const codeLabelsOf =
  (targetType: string, labelOf: (prefix: LabelPrefix, code: string) => string): CodeLabel =>
  (field, code) => {
    const prefix = codeLabelPrefix(targetType, field);
    return prefix ? labelOf(prefix, code) : code;
  };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The fields whose value differs between before and after, in the order the
 * entry recorded them (after's keys first). A creation lists what it set; a
 * field recorded equal on both sides is left out.
 */
export function changedFields(before: unknown, after: unknown, label: CodeLabel = asRecorded): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [b, a] = [displayValue(before, "", label), displayValue(after, "", label)];
    return b === a ? [] : [{ field: "", before: b, after: a }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  return fields
    .map((field) => ({ field, before: displayValue(from[field], field, label), after: displayValue(to[field], field, label) }))
    .filter((c) => c.before !== c.after);
}

const targetPages: Record<string, (id: string) => string> = {
  proposal: (id) => `/proposals/${id}`,
  agreement: (id) => `/agreements/${id}`,
  theme: (id) => `/themes/${id}`,
  meeting: (id) => `/meetings/${id}`,
  project: (id) => `/projects/${id}`,
  kpi: (id) => `/kpis/${id}`,
};

/** The page of the recorded object, when it has one and the caller may see it (its name was given). */
export function auditTargetPath(entry: Pick<AuditEntry, "targetType" | "targetId" | "targetName" | "redacted">): string | null {
  const page = targetPages[entry.targetType];
  return page && entry.targetId && entry.targetName && !entry.redacted ? page(entry.targetId) : null;
}
