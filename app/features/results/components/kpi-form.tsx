// Adding a KPI and editing it: one form, guided toward SMART (each refusal
// says which letter is missing). A KPI may start from an example of its field.
import { Form } from "react-router";
import { policyFieldCodes, type PolicyFieldCode } from "~/lib/policy-fields";
import { useLocale, useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { kpiDirections, kpiFrequencies, kpiInput } from "../schema";
import { kpiTemplatesFor, type KpiTemplate } from "../kpi-templates";

export interface KpiFormValues {
  name?: string;
  definition?: string;
  unit?: string;
  baselineValue?: number | string;
  baselineOn?: string;
  targetValue?: number | string;
  targetOn?: string;
  direction?: string;
  frequency?: string;
  dataSource?: string;
  ownerName?: string;
  isPublic?: boolean;
}

/** The form's starting values from an example, in the reader's language. */
export function kpiValuesFromTemplate(template: KpiTemplate, locale: "ja" | "en"): KpiFormValues {
  return {
    name: template.name[locale],
    definition: template.definition[locale],
    unit: template.unit[locale],
    direction: template.direction,
    frequency: template.frequency,
    dataSource: template.dataSource[locale],
  };
}

/** Choose an example (a GET form: works without JavaScript); the project's field comes first. */
export function KpiTemplatePicker({ field, selected }: { field: PolicyFieldCode; selected?: string }) {
  const t = useT();
  const locale = useLocale();
  const fields = [field, ...policyFieldCodes.filter((f) => f !== field)];
  return (
    <Form method="get" className="flex flex-col gap-3 rounded-8 border border-solid-gray-300 p-4 sm:flex-row sm:items-end">
      <div className="flex grow flex-col gap-2">
        <label htmlFor="kpi-template" className="text-std-17B-170">
          {t("results.kpis.templates")}
        </label>
        <p id="kpi-template-hint" className="text-std-16N-170 text-solid-gray-700">
          {t("results.kpis.templates.hint")}
        </p>
        <select
          id="kpi-template"
          name="template"
          aria-describedby="kpi-template-hint"
          defaultValue={selected ?? ""}
          className="block w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170"
        >
          <option value="">{t("results.kpis.templates.blank")}</option>
          {fields.map((f) => (
            <optgroup key={f} label={t(`field.${f}`)}>
              {kpiTemplatesFor(f).map((template) => (
                <option key={template.key} value={template.key}>
                  {template.name[locale]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <Button variant="secondary">{t("results.kpis.templates.use")}</Button>
      </div>
    </Form>
  );
}

export function KpiForm(props: { intent: string; submitLabel: string; initial?: KpiFormValues; result?: unknown; id?: string }) {
  const t = useT();
  const initial = props.initial ?? {};
  const labels = {
    name: t("results.kpi.name"),
    definition: t("results.kpi.definition"),
    unit: t("results.kpi.unit"),
    baselineValue: t("results.kpi.baselineValue"),
    baselineOn: t("results.kpi.baselineOn"),
    targetValue: t("results.kpi.targetValue"),
    targetOn: t("results.kpi.targetOn"),
    direction: t("results.kpi.direction"),
    frequency: t("results.kpi.frequency"),
    dataSource: t("results.kpi.dataSource"),
    ownerName: t("results.kpi.ownerName"),
  };
  const text = (v: number | string | undefined) => (v === undefined ? undefined : String(v));
  return (
    <SchemaForm
      schema={kpiInput}
      result={props.result}
      intent={props.intent}
      id={props.id}
      method="post"
      className="flex flex-col gap-4"
      data-testid={`kpi-form-${props.intent}`}
    >
      <ErrorSummary labels={labels} />
      <input type="hidden" name="intent" value={props.intent} />
      <p className="text-std-16N-170">{t("results.kpis.smart")}</p>
      <TextField name="name" label={labels.name} defaultValue={initial.name} />
      <TextArea name="definition" label={labels.definition} rows={3} defaultValue={initial.definition} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="unit" label={labels.unit} hint={t("results.kpi.unit.hint")} defaultValue={initial.unit} />
        <SelectField
          name="direction"
          label={labels.direction}
          options={kpiDirections.map((d) => ({ value: d, label: t(`results.kpi.direction.${d}`) }))}
          defaultValue={initial.direction ?? "increase"}
        />
        <TextField name="baselineValue" inputMode="decimal" label={labels.baselineValue} defaultValue={text(initial.baselineValue)} />
        <TextField name="baselineOn" type="date" label={labels.baselineOn} defaultValue={initial.baselineOn} />
        <TextField name="targetValue" inputMode="decimal" label={labels.targetValue} defaultValue={text(initial.targetValue)} />
        <TextField name="targetOn" type="date" label={labels.targetOn} defaultValue={initial.targetOn} />
        <SelectField
          name="frequency"
          label={labels.frequency}
          placeholder={t("form.select")}
          options={kpiFrequencies.map((f) => ({ value: f, label: t(`results.kpi.frequency.${f}`) }))}
          defaultValue={initial.frequency}
        />
        <TextField name="ownerName" label={labels.ownerName} defaultValue={initial.ownerName} />
      </div>
      <TextField name="dataSource" label={labels.dataSource} defaultValue={initial.dataSource} />
      <Checkbox name="isPublic" label={t("results.kpi.isPublic")} defaultChecked={initial.isPublic} />
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </SchemaForm>
  );
}
