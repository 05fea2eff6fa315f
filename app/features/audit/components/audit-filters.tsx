// The audit log's filters (action, person, days) as a GET form, so a filtered
// log is a link, and the CSV downloads of the same selection.
import { Link } from "react-router";
import { labelledCodes } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextField, type FormResult } from "~/ui/form";
import { auditFilterInput } from "../schema";

/** The filters given, empty ones left out. */
export type AuditFilterParams = Partial<Record<"action" | "actor" | "from" | "to", string>>;

export function AuditFilters(props: {
  params: AuditFilterParams;
  /** People of the organisation (none offered to the platform admin, whose log spans every organisation). */
  people: { value: string; label: string }[];
  result?: FormResult;
}) {
  const t = useT();
  const { params } = props;
  const labels = {
    action: t("audit.filter.action"),
    actor: t("audit.filter.actor"),
    from: t("audit.filter.from"),
    to: t("audit.filter.to"),
  };
  const filtered = Object.keys(params).length > 0;
  return (
    <SchemaForm
      schema={auditFilterInput}
      result={props.result}
      method="get"
      role="search"
      className="mb-6 grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_2fr_1fr_1fr_auto]"
    >
      <div className="sm:col-span-2 lg:col-span-5">
        <ErrorSummary labels={labels} />
      </div>
      <SelectField
        name="action"
        label={labels.action}
        placeholder={t("audit.filter.any")}
        defaultValue={params.action ?? ""}
        options={labelledCodes("audit.action").map((code) => ({ value: code, label: t.label("audit.action", code) }))}
      />
      {props.people.length > 0 ? (
        <SelectField
          name="actor"
          label={labels.actor}
          placeholder={t("audit.filter.any")}
          defaultValue={params.actor ?? ""}
          options={props.people}
        />
      ) : (
        <div className="hidden lg:block" />
      )}
      <TextField name="from" type="date" label={labels.from} defaultValue={params.from ?? ""} />
      <TextField name="to" type="date" label={labels.to} defaultValue={params.to ?? ""} />
      <div className="flex flex-wrap items-center gap-4">
        <Button>{t("audit.filter.submit")}</Button>
        {filtered ? (
          <Link to="/audit" className="text-blue-1000 underline">
            {t("audit.filter.clear")}
          </Link>
        ) : null}
      </div>
    </SchemaForm>
  );
}

export function AuditExportLinks({ params, limit }: { params: AuditFilterParams; limit: number }) {
  const t = useT();
  const query = (encoding: string) => new URLSearchParams({ ...params, encoding }).toString();
  return (
    <div className="mb-4 text-std-16N-170">
      <p className="flex flex-wrap items-center gap-4">
        <span>{t("audit.export.label")}:</span>
        <a href={`/audit/export.csv?${query("utf-8")}`} className="text-blue-1000 underline" download>
          {t("audit.export.csvUtf8")}
        </a>
        <a href={`/audit/export.csv?${query("shift_jis")}`} className="text-blue-1000 underline" download>
          {t("audit.export.csvSjis")}
        </a>
      </p>
      <p className="text-dns-14N-130 text-solid-gray-700">{t("audit.export.limit", { count: limit.toLocaleString("ja-JP") })}</p>
    </div>
  );
}
