// Starting a register import: the upload form (busy while the file is read),
// the columns the file may have, and the recent imports to pick up again.
import { Link, useNavigation } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { z } from "zod";
import { ErrorSummary, SchemaForm, TextField } from "~/ui/form";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { importTargets, requiredImportTargets, type ImportSummary } from "../import/import";

/** Only a file: its type, size and content are checked on the server, which reads it. */
const uploadForm = z.object({});

export function ImportUploadForm({ result }: { result?: unknown }) {
  const t = useT();
  // A large register takes a moment to read and check: say so, and do not send it twice.
  const reading = useNavigation().state === "submitting";
  return (
    <SchemaForm
      schema={uploadForm}
      result={result}
      method="post"
      encType="multipart/form-data"
      className="mb-10 flex max-w-2xl flex-col gap-6"
    >
      <ErrorSummary labels={{ file: t("agreements.import.file") }} />
      <TextField
        name="file"
        type="file"
        required
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        label={t("agreements.import.file")}
        hint={t("agreements.import.file.hint")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button disabled={reading}>{t("agreements.import.upload")}</Button>
        {reading ? (
          <p role="status" className="text-std-16N-170">
            {t("agreements.import.reading")}
          </p>
        ) : null}
      </div>
    </SchemaForm>
  );
}

export function ImportColumns() {
  const t = useT();
  return (
    <Section title={t("agreements.import.columnsTitle")}>
      <dl className="grid gap-x-6 gap-y-3 text-std-16N-170 sm:grid-cols-[14rem_1fr]">
        {importTargets.map((target) => (
          <div key={target} className="contents">
            <dt className="text-std-16B-170">
              {t(`agreements.import.target.${target}`)}
              {requiredImportTargets.includes(target) ? (
                <span className="ml-2 rounded-4 bg-error-1 px-1 text-dns-14N-130 text-white">{t("form.required")}</span>
              ) : null}
            </dt>
            <dd>{t(`agreements.import.hint.${target}`)}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

export function RecentImports({ recent }: { recent: ImportSummary[] }) {
  const t = useT();
  const format = useFormat();
  if (recent.length === 0) return null;
  return (
    <Section title={t("agreements.import.recent")}>
      <DataTable
        caption={t("agreements.import.recent")}
        head={[
          t("agreements.import.file"),
          t("agreements.import.recent.rows"),
          t("proposals.filter.status"),
          t("agreements.import.recent.at"),
        ]}
        rows={recent.map((r) => [
          r.status === "pending" ? (
            <Link key="f" to={`/agreements/import/${r.id}`} className="text-blue-1000 underline">
              {r.filename}
            </Link>
          ) : (
            r.filename
          ),
          r.status === "committed" ? String(r.createdCount ?? 0) : r.status === "pending" ? String(r.rowCount) : "—",
          t(`agreements.import.status.${r.status}`),
          format.dateTime(r.createdAt),
        ])}
      />
    </Section>
  );
}
