// The search form above a register: words and a status, sent as a GET so the
// result is a link. Proposals and agreements each pass their own statuses.
import { useT } from "./i18n";
import { Button } from "./button";
import type { z } from "zod";
import { SchemaForm, SelectField, TextField } from "./form";

export function StatusSearch({
  schema,
  params,
  statuses,
}: {
  /** The register's list input schema (q, status). */
  schema: z.ZodType;
  /** The current query string, to keep the form filled. */
  params: { q?: string; status?: string };
  statuses: { value: string; label: string }[];
}) {
  const t = useT();
  return (
    <SchemaForm schema={schema} method="get" role="search" className="mb-6 grid items-end gap-4 sm:grid-cols-[2fr_1fr_auto]">
      <TextField name="q" type="search" label={t("proposals.filter.q")} defaultValue={params.q ?? ""} />
      <SelectField
        name="status"
        label={t("proposals.filter.status")}
        defaultValue={params.status ?? ""}
        placeholder={t("proposals.filter.all")}
        options={statuses}
      />
      <Button>{t("directory.search.submit")}</Button>
    </SchemaForm>
  );
}
