// The recorded versions of the agreement document, each downloadable, and the
// form to record an amendment as a new version.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, resultForIntent, SchemaForm, TextArea } from "~/ui/form";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { amendInput, type AgreementDetail } from "../schema";

export function AgreementDocumentVersions({
  agreement: a,
  result,
}: {
  agreement: AgreementDetail;
  /** The action's refusal, shown if it answers the amend form. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Section title={t("agreements.document.versions")}>
      {a.documentVersions.length === 0 ? (
        <p>{t("agreements.document.versions.none")}</p>
      ) : (
        <DataTable
          caption={t("agreements.document.versions")}
          head={[
            t("agreements.document.version"),
            t("agreements.document.reason"),
            t("agreements.document.recordedBy"),
            t("agreements.document.recordedAt"),
            "",
          ]}
          rows={[...a.documentVersions].reverse().map((v) => [
            t("agreements.document.versionNumber", { n: v.version }),
            v.reason,
            v.createdByName ?? "—",
            format.dateTime(v.createdAt),
            <a key="file" href={`/agreements/${a.id}/document.docx?version=${v.version}`} className="text-blue-1000 underline">
              {t("agreements.document.downloadVersion", { n: v.version })}
            </a>,
          ])}
        />
      )}
      {a.can.amend ? (
        // Closed until asked for; open again when it comes back with errors, also without JavaScript.
        <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "amend"))}>
          <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline">{t("agreements.document.amendOpen")}</summary>
          <SchemaForm schema={amendInput} result={result} intent="amend" method="post" className="mt-4 flex flex-col gap-4">
            <ErrorSummary labels={{ reason: t("agreements.document.amendReason") }} />
            <TextArea name="reason" label={t("agreements.document.amendReason")} hint={t("agreements.document.amendHint")} rows={3} />
            <div>
              <Button name="intent" value="amend" variant="secondary">
                {t("agreements.document.amend")}
              </Button>
            </div>
          </SchemaForm>
        </details>
      ) : null}
    </Section>
  );
}
