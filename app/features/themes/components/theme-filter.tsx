// The search form over themes: words, field, status, deadline; the national
// list also filters by prefecture and municipality.
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { SchemaForm, SelectField, TextField } from "~/ui/form";
import { themeListInput } from "../schema";

export function ThemeFilter({
  params,
  prefectures,
  national,
}: {
  /** The current query string, to keep the form filled. */
  params: Record<string, string>;
  prefectures: { value: string; label: string }[];
  /** The national list (not one municipality's). */
  national: boolean;
}) {
  const t = useT();
  return (
    <SchemaForm
      schema={themeListInput}
      method="get"
      role="search"
      aria-label={t("themes.filter")}
      className="mb-8 grid items-end gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-3"
    >
      <TextField name="q" type="search" label={t("themes.filter.q")} defaultValue={params.q ?? ""} />
      <SelectField
        name="field"
        label={t("themes.filter.field")}
        defaultValue={params.field ?? ""}
        placeholder={t("themes.filter.any")}
        options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
      />
      <SelectField
        name="status"
        label={t("themes.filter.status")}
        defaultValue={params.status ?? "open"}
        options={(["open", "closed", "all"] as const).map((s) => ({ value: s, label: t(`themes.status.${s}`) }))}
      />
      {national ? (
        <>
          <SelectField
            name="prefecture"
            label={t("themes.filter.prefecture")}
            defaultValue={params.prefecture ?? ""}
            placeholder={t("themes.filter.any")}
            options={prefectures}
          />
          <TextField
            name="municipality"
            label={t("themes.filter.municipality")}
            defaultValue={params.municipality ?? ""}
            inputMode="numeric"
          />
        </>
      ) : null}
      <TextField name="deadlineBefore" type="date" label={t("themes.filter.deadlineBefore")} defaultValue={params.deadlineBefore ?? ""} />
      <div>
        <Button>{t("directory.search.submit")}</Button>
      </div>
    </SchemaForm>
  );
}
