// The recorded versions of the agreement document, each downloadable, and the
// form to record an amendment as a new version.
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, TextArea, type FormErrors } from "~/ui/form";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AgreementDetail } from "../schema";

export function AgreementDocumentVersions({
  agreement: a,
  errorsFor,
}: {
  agreement: AgreementDetail;
  errorsFor: (intent: string) => FormErrors | null;
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
        <Form method="post" className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4" noValidate>
          <ErrorSummary errors={errorsFor("amend")} labels={{ reason: t("agreements.document.amendReason") }} />
          <TextArea
            name="reason"
            label={t("agreements.document.amendReason")}
            hint={t("agreements.document.amendHint")}
            required
            rows={3}
            errors={errorsFor("amend")}
          />
          <div>
            <Button name="intent" value="amend" variant="secondary">
              {t("agreements.document.amend")}
            </Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}
