// Which column of the uploaded file feeds which agreement field, and the way
// out: cancel the import or upload another file.
import { Form, Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { importMappingFormInput, importTargets, requiredImportTargets, type ImportView } from "../import/import";

export function ImportMappingForm({ view, result }: { view: ImportView; result?: unknown }) {
  const t = useT();
  const labels = Object.fromEntries(importTargets.map((target) => [`mapping.${target}`, t(`agreements.import.target.${target}`)]));
  return (
    <Section title={t("agreements.import.mapping")}>
      <p className="text-std-16N-170">{t("agreements.import.mapping.hint")}</p>
      <SchemaForm schema={importMappingFormInput} result={result} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={labels} />
        <div className="grid gap-6 sm:grid-cols-2">
          {importTargets.map((target) => (
            <SelectField
              key={target}
              name={`mapping.${target}`}
              label={t(`agreements.import.target.${target}`)}
              required={requiredImportTargets.includes(target)}
              hint={t(`agreements.import.hint.${target}`)}
              defaultValue={view.columns[target] === undefined ? "" : String(view.columns[target])}
              placeholder={t("agreements.import.mapping.none")}
              options={view.headers.map((h, i) => ({ value: String(i), label: h || `(${i + 1})` }))}
            />
          ))}
        </div>
        <div>
          <Button variant="secondary" name="intent" value="mapping">
            {t("agreements.import.mapping.submit")}
          </Button>
        </div>
      </SchemaForm>
    </Section>
  );
}

export function ImportCancel() {
  const t = useT();
  return (
    <Form method="post" className="mb-10 flex flex-wrap gap-4">
      <Button variant="secondary" name="intent" value="cancel">
        {t("agreements.import.cancel")}
      </Button>
      <Link to="/agreements/import" className="inline-flex min-h-11 items-center text-blue-1000 underline">
        {t("agreements.import.reupload")}
      </Link>
    </Form>
  );
}
