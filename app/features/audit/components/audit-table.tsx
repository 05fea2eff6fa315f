// The audit log as a table: when, who, what, the object (named and linked
// where the caller may see it) and each changed field before and after.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { DataTable } from "~/ui/layout";
import { auditTargetPath, changedFields, codeLabelsOf } from "../changes";
import type { AuditEntry } from "../schema";

export function AuditTable({ items }: { items: AuditEntry[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      caption={t("audit.title")}
      head={[t("audit.time"), t("audit.actor"), t("audit.action"), t("audit.target"), t("audit.changes")]}
      rows={items.map((e) => [
        <time key="t" dateTime={e.occurredAt} className="whitespace-nowrap">
          {format.dateTime(e.occurredAt)}
        </time>,
        e.actorName ?? "—",
        t.label("audit.action", e.action),
        <AuditTarget key="o" entry={e} />,
        e.redacted ? t("audit.redacted") : <AuditChanges key="c" entry={e} />,
      ])}
    />
  );
}

function AuditTarget({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const path = auditTargetPath(entry);
  return (
    <span className="flex flex-col">
      <span className="text-dns-14N-130 text-solid-gray-700">{t.label("audit.targetType", entry.targetType)}</span>
      {path ? (
        <Link to={path} className="text-blue-1000 underline">
          {entry.targetName}
        </Link>
      ) : entry.targetName ? (
        <span>{entry.targetName}</span>
      ) : null}
    </span>
  );
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const changes = changedFields(entry.before, entry.after, codeLabelsOf(entry.targetType, t.label));
  if (changes.length === 0) return <span className="text-solid-gray-700">{t("audit.change.empty")}</span>;
  return (
    <dl className="grid gap-1 text-dns-14N-130 sm:min-w-64">
      {changes.map((c) => (
        <div key={c.field} className="grid gap-x-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{c.field ? t.label("audit.field", c.field) : t("audit.change.value")}</dt>
          <dd className="break-words">
            {c.before !== null ? (
              <>
                <del className="text-solid-gray-700">
                  <span className="sr-only">{t("audit.change.before")}: </span>
                  {c.before}
                </del>
                {" → "}
              </>
            ) : null}
            <ins className="no-underline">
              <span className="sr-only">{t("audit.change.after")}: </span>
              {c.after ?? "—"}
            </ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
