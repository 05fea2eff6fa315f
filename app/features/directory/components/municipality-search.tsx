// The search for a local government by name, kana or 団体コード, sent as GET so
// its result is a link: the directory, a citizen's home (to the directory)
// and the first step of a free proposal ask it alike.
import { Button } from "~/ui/button";
import { SchemaForm, TextField } from "~/ui/form";
import { useT } from "~/ui/i18n";
import { municipalitySearchInput } from "../schema";

export function MunicipalitySearch(props: {
  label: string;
  hint: string;
  defaultValue?: string;
  /** Where the search goes; the current page when omitted. */
  action?: string;
  className?: string;
}) {
  const t = useT();
  return (
    <SchemaForm
      schema={municipalitySearchInput}
      method="get"
      action={props.action}
      role="search"
      className={`flex flex-wrap items-end gap-4 ${props.className ?? ""}`}
    >
      <div className="min-w-64 flex-1">
        <TextField name="q" type="search" label={props.label} hint={props.hint} defaultValue={props.defaultValue ?? ""} />
      </div>
      <Button>{t("directory.search.submit")}</Button>
    </SchemaForm>
  );
}
