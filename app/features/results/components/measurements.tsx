// A KPI's figures, newest period first, and the form that enters one period's
// figure (a period already entered is replaced; the audit log keeps the old one).
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { DataTable } from "~/ui/layout";
import { ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { measurementInput, type KpiDetail } from "../schema";
import { useResultsFormat } from "./use-results-format";
import { tokyoIsoDate } from "~/lib/wareki";
import { periodEnd } from "../periods";

/** Figures shown at once, newest first; older ones fold away (a phone would scroll through years). */
const SHOWN = 12;

function FigureTable({ kpi, caption, rows }: { kpi: KpiDetail; caption: string; rows: KpiDetail["measurements"] }) {
  const t = useT();
  const format = useFormat();
  const results = useResultsFormat();
  return (
    <DataTable
      caption={caption}
      head={[
        t("results.measurement.periodStart"),
        t("results.measurement.value"),
        t("results.measurement.note"),
        t("results.measurement.evidence"),
        t("results.measurement.enteredBy"),
      ]}
      rows={rows.map((m) => [
        results.period(m.periodStart, kpi.frequency),
        results.figure(m.value, kpi.unit),
        m.note ? (
          <span key="note" className="whitespace-pre-wrap">
            {m.note}
          </span>
        ) : (
          "—"
        ),
        m.evidenceUrl ? (
          <a key="evidence" href={m.evidenceUrl} className="text-blue-1000 underline" rel="noopener noreferrer">
            {t("results.measurement.evidence.link")}
            <span className="sr-only">: {results.period(m.periodStart, kpi.frequency)}</span>
          </a>
        ) : (
          "—"
        ),
        `${m.enteredByName ?? ""} ${format.dateTime(m.enteredAt)}`.trim(),
      ])}
    />
  );
}

export function MeasurementTable({ kpi }: { kpi: KpiDetail }) {
  const t = useT();
  if (kpi.measurements.length === 0) return <p>{t("results.measurements.none")}</p>;
  const newest = [...kpi.measurements].reverse();
  const older = newest.slice(SHOWN);
  return (
    <>
      <FigureTable kpi={kpi} caption={t("results.measurements.title")} rows={newest.slice(0, SHOWN)} />
      {older.length ? (
        <details className="rounded-8 border border-solid-gray-300 p-4">
          <summary className="cursor-pointer text-std-16B-170">{t("results.measurements.older", { count: older.length })}</summary>
          <div className="mt-4">
            <FigureTable kpi={kpi} caption={t("results.measurements.older", { count: older.length })} rows={older} />
          </div>
        </details>
      ) : null}
    </>
  );
}

export function MeasurementForm({ kpi, result }: { kpi: KpiDetail; result?: unknown }) {
  const t = useT();
  const results = useResultsFormat();
  const labels = {
    periodStart: t("results.measurement.periodStart"),
    value: t("results.measurement.value"),
    note: t("results.measurement.note"),
    evidenceUrl: t("results.measurement.evidenceUrl"),
  };
  const entered = new Set(kpi.measurements.map((m) => m.periodStart));
  // The likely one: the newest period that has ended and has no figure yet.
  const today = tokyoIsoDate();
  const next = [...kpi.periods].reverse().find((p) => !entered.has(p) && periodEnd(p, kpi.frequency) < today);
  return (
    <SchemaForm
      schema={measurementInput}
      result={result}
      intent="measurement"
      resetOnSuccess
      method="post"
      className="flex flex-col gap-4"
      data-testid="measurement-form"
    >
      <ErrorSummary labels={labels} />
      <input type="hidden" name="intent" value="measurement" />
      <p className="text-std-16N-170 text-solid-gray-700">{t("results.measurements.replaceHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="periodStart"
          label={labels.periodStart}
          placeholder={t("form.select")}
          options={[...kpi.periods].reverse().map((p) => ({
            value: p,
            label: entered.has(p)
              ? t("results.measurement.periodEntered", { period: results.period(p, kpi.frequency) })
              : results.period(p, kpi.frequency),
          }))}
          defaultValue={next}
        />
        <TextField name="value" inputMode="decimal" label={`${labels.value}（${kpi.unit}）`} />
      </div>
      <TextArea name="note" label={labels.note} rows={3} />
      <TextField name="evidenceUrl" type="url" label={labels.evidenceUrl} hint={t("results.measurement.evidenceUrl.hint")} />
      <div>
        <Button>{t("results.measurements.save")}</Button>
      </div>
    </SchemaForm>
  );
}
