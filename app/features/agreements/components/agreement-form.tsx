// The agreement register form: parties, purpose, cooperation items (連携事項),
// roles, term and renewal. Works without JavaScript (agreement-item-rows.tsx).
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { agreementFormInput, agreementMethods, renewalRules } from "../schema";
import { AgreementItemRows, type AgreementItemValues } from "./agreement-item-rows";

export interface AgreementFormValues {
  title?: string;
  method?: string;
  partnerIds?: string[];
  purpose?: string;
  roles?: string;
  consultationBody?: string;
  costSharing?: string;
  confidentiality?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  renewalRule?: string;
  renewalYears?: number | null;
  objectionDeadline?: string | null;
  items?: AgreementItemValues[];
}

export function agreementFieldLabels(t: ReturnType<typeof useT>) {
  return {
    title: t("agreements.field.title"),
    method: t("agreements.field.method"),
    partnerIds: t("agreements.field.partners"),
    partnerCodes: t("agreements.field.partnerCodes"),
    purpose: t("agreements.field.purpose"),
    roles: t("agreements.field.roles"),
    consultationBody: t("agreements.field.consultationBody"),
    costSharing: t("agreements.field.costSharing"),
    confidentiality: t("agreements.field.confidentiality"),
    startsOn: t("agreements.field.startsOn"),
    endsOn: t("agreements.field.endsOn"),
    renewalRule: t("agreements.field.renewalRule"),
    renewalYears: t("agreements.field.renewalYears"),
    objectionDeadline: t("agreements.field.objectionDeadline"),
    items: t("agreements.items"),
    "items[].title": t("agreements.item.title"),
    "items[].field": t("agreements.item.field"),
    "items[].priority": t("agreements.item.priority"),
    "items[].horizon": t("agreements.item.horizon"),
    "items[].departmentId": t("agreements.item.department"),
    "items[].partnerOwner": t("agreements.item.partnerOwner"),
  };
}

export function AgreementForm(props: {
  /** The action's refusal, if any (useActionData). */
  result?: unknown;
  initial: AgreementFormValues;
  partners: { id: string; name: string }[];
  departments: { value: string; label: string }[];
  submitLabel: string;
  hidden?: Record<string, string>;
}) {
  const t = useT();
  const labels = agreementFieldLabels(t);
  const { initial } = props;
  return (
    <SchemaForm schema={agreementFormInput} result={props.result} method="post" className="flex max-w-4xl flex-col gap-6">
      <ErrorSummary labels={labels} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField name="title" label={labels.title} defaultValue={initial.title} />
      <SelectField
        name="method"
        label={labels.method}
        placeholder={t("form.select")}
        options={agreementMethods.map((m) => ({ value: m, label: t(`proposals.method.${m}`) }))}
        defaultValue={initial.method ?? ""}
      />
      <CheckboxGroup
        name="partnerIds"
        required
        label={labels.partnerIds}
        hint={t("agreements.field.partners.hint")}
        options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
        defaultValue={initial.partnerIds}
      />
      <TextArea name="partnerCodes" label={labels.partnerCodes} hint={t("agreements.field.partnerCodes.hint")} rows={2} />
      <TextArea name="purpose" label={labels.purpose} rows={4} defaultValue={initial.purpose} />
      <Section title={labels.items}>
        {/* Rows are optional as rows: a row needs a title and a field only once anything is typed in it. */}
        <p>{t("agreements.items.lead")}</p>
        <AgreementItemRows initial={initial.items ?? []} departments={props.departments} />
      </Section>
      <TextArea name="roles" label={labels.roles} rows={3} defaultValue={initial.roles} />
      <TextArea
        name="consultationBody"
        label={labels.consultationBody}
        hint={t("agreements.field.consultationBody.hint")}
        rows={2}
        defaultValue={initial.consultationBody}
      />
      <TextArea name="costSharing" label={labels.costSharing} rows={2} defaultValue={initial.costSharing} />
      <TextArea name="confidentiality" label={labels.confidentiality} rows={2} defaultValue={initial.confidentiality} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField name="startsOn" type="date" label={labels.startsOn} defaultValue={initial.startsOn ?? ""} />
        <TextField
          name="endsOn"
          type="date"
          label={labels.endsOn}
          hint={t("agreements.field.endsOn.hint")}
          defaultValue={initial.endsOn ?? ""}
        />
      </div>
      <div className="grid gap-6 sm:grid-cols-3">
        <SelectField
          name="renewalRule"
          label={labels.renewalRule}
          options={renewalRules.map((r) => ({ value: r, label: t(`agreements.renewal.${r}`) }))}
          defaultValue={initial.renewalRule ?? "explicit"}
        />
        <TextField
          name="renewalYears"
          type="number"
          min={1}
          max={10}
          label={labels.renewalYears}
          defaultValue={initial.renewalYears ?? ""}
        />
        <TextField name="objectionDeadline" type="date" label={labels.objectionDeadline} defaultValue={initial.objectionDeadline ?? ""} />
      </div>
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </SchemaForm>
  );
}
