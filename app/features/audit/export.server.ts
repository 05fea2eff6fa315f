// The audit log as CSV: one row per entry, the change written as
// "field: before → after" lines, for a desk to keep or hand to an auditor.
import { translate, translateLabel, type Locale } from "~/lib/i18n";
import { writeCsv } from "~/lib/tabular.server";
import { changedFields, codeLabelsOf } from "./changes";
import type { AuditEntry } from "./schema";

const columns = [
  "audit.time",
  "audit.actor",
  "audit.action",
  "audit.csv.actionCode",
  "audit.csv.targetType",
  "audit.target",
  "audit.csv.targetId",
  "audit.changes",
  "audit.requestId",
] as const;

/** "2026-12-05 09:30:00" in Japan time: what Excel reads as a date and time. */
const tokyoTime = (iso: string) => new Date(new Date(iso).getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 19).replace("T", " ");

export function changesText(entry: AuditEntry, locale: Locale): string {
  if (entry.redacted) return translate(locale, "audit.redacted");
  return changedFields(
    entry.before,
    entry.after,
    codeLabelsOf(entry.targetType, (prefix, code) => translateLabel(locale, prefix, code)),
  )
    .map((c) => {
      const value = `${c.before ?? "—"} → ${c.after ?? "—"}`;
      return c.field ? `${translateLabel(locale, "audit.field", c.field)}: ${value}` : value;
    })
    .join("\n");
}

export function auditCsv(entries: AuditEntry[], locale: Locale, encoding: "utf-8" | "shift_jis"): Buffer {
  return writeCsv(
    [
      columns.map((key) => translate(locale, key)),
      ...entries.map((e) => [
        tokyoTime(e.occurredAt),
        e.actorName ?? "",
        translateLabel(locale, "audit.action", e.action),
        e.action,
        translateLabel(locale, "audit.targetType", e.targetType),
        e.targetName ?? "",
        e.targetId ?? "",
        changesText(e, locale),
        e.requestId,
      ]),
    ],
    encoding,
  );
}
