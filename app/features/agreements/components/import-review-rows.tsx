// The rows of a pending import: those with errors, the organizations it would
// create (with look-alikes already on file), and those ready to become agreements.
import { useT } from "~/ui/i18n";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { ImportView } from "../import/import";

export function ImportProblemRows({ view }: { view: ImportView }) {
  const t = useT();
  const problems = view.rows.filter((r) => r.errors.length > 0);
  if (problems.length === 0) return null;
  return (
    <Section title={t("agreements.import.errors")}>
      <p className="text-std-16N-170">{t("agreements.import.errors.hint")}</p>
      <DataTable
        caption={t("agreements.import.errors")}
        head={[t("agreements.import.row"), t("agreements.import.target.title"), t("agreements.import.problems")]}
        rows={problems.map((r) => [
          String(r.row),
          r.title || "—",
          <ul key="e" className="list-disc pl-5 text-error-1" data-testid={`import-row-${r.row}-errors`}>
            {r.errors.map((e) => (
              <li key={e.message}>{e.message}</li>
            ))}
          </ul>,
        ])}
      />
    </Section>
  );
}

export function ImportNewOrganizations({ view }: { view: ImportView }) {
  const t = useT();
  if (view.newOrganizations.length === 0) return null;
  return (
    <Section title={t("agreements.import.newOrganizations")}>
      <p className="text-std-16N-170">{t("agreements.import.newOrganizations.hint")}</p>
      <DataTable
        caption={t("agreements.import.newOrganizations")}
        head={[
          t("agreements.import.target.partners"),
          t("agreements.import.newOrganizations.kind"),
          t("agreements.import.newOrganizations.code"),
          t("agreements.import.newOrganizations.similar"),
        ]}
        rows={view.newOrganizations.map((o) => [
          o.name,
          t.label("orgKind", o.kind),
          o.corporateNumber ?? o.localGovCode ?? "—",
          o.similarTo ? (
            <span key="s" className="text-error-1" data-testid="import-similar">
              {t("agreements.import.newOrganizations.similarTo", { name: o.similarTo.name })}
            </span>
          ) : (
            "—"
          ),
        ])}
      />
    </Section>
  );
}

export function ImportReadyRows({ view }: { view: ImportView }) {
  const t = useT();
  const format = useFormat();
  const ready = view.rows.filter((r) => r.errors.length === 0);
  if (ready.length === 0) return null;
  return (
    <Section title={t("agreements.import.ready", { count: format.number(ready.length) })}>
      <DataTable
        caption={t("agreements.import.ready", { count: format.number(ready.length) })}
        head={[
          t("agreements.import.row"),
          t("agreements.import.target.title"),
          t("agreements.import.target.partners"),
          t("proposals.filter.status"),
          t("agreements.term"),
        ]}
        rows={ready.map((r) => [
          String(r.row),
          <span key="t">
            {r.title}
            <span className="block text-dns-14N-130 text-solid-gray-700">
              {t.label("proposals.method", r.method)}・{format.list(r.fields.map((f) => t.label("field", f)))}
            </span>
          </span>,
          <span key="p">
            {r.partners.map((p, i) => (
              <span key={`${p.name}-${i}`} className="block">
                {p.name}
                {p.isNew ? (
                  <span className="ml-2 rounded-4 bg-blue-900 px-1 text-dns-14N-130 text-white">{t("agreements.import.new")}</span>
                ) : null}
              </span>
            ))}
          </span>,
          t.label("agreements.status", r.status),
          r.startsOn || r.endsOn ? format.dateRange(r.startsOn, r.endsOn) : "—",
        ])}
      />
    </Section>
  );
}
