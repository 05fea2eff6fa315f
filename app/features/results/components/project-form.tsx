// Starting a project and editing it: one form. The items come from the
// agreement, the lead department from the municipality's departments, the
// partner from the agreement's partners.
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { projectInput, projectStatuses, type ProjectFormChoices } from "../schema";

export interface ProjectFormValues {
  title?: string;
  summary?: string;
  itemIds?: string[];
  field?: string | null;
  leadDepartmentId?: string;
  partnerOrgId?: string | null;
  partnerOwner?: string;
  status?: string;
  startsOn?: string | null;
  endsOn?: string | null;
}

export function ProjectForm(props: {
  intent: string;
  submitLabel: string;
  choices: ProjectFormChoices;
  initial?: ProjectFormValues;
  result?: unknown;
}) {
  const t = useT();
  const initial = props.initial ?? {};
  const labels = {
    title: t("results.project.title"),
    summary: t("results.project.summary"),
    itemIds: t("results.project.itemIds"),
    field: t("results.project.field"),
    leadDepartmentId: t("results.project.leadDepartment"),
    partnerOrgId: t("results.project.partner"),
    partnerOwner: t("results.project.partnerOwner"),
    status: t("results.project.status"),
    startsOn: t("results.project.startsOn"),
    endsOn: t("results.project.endsOn"),
  };
  return (
    <SchemaForm
      schema={projectInput}
      result={props.result}
      intent={props.intent}
      method="post"
      className="flex flex-col gap-4"
      data-testid={`project-form-${props.intent}`}
    >
      <ErrorSummary labels={labels} />
      <input type="hidden" name="intent" value={props.intent} />
      <TextField name="title" label={labels.title} hint={t("results.project.title.hint")} defaultValue={initial.title} />
      <TextArea name="summary" label={labels.summary} defaultValue={initial.summary} />
      <CheckboxGroup
        name="itemIds"
        label={labels.itemIds}
        hint={t("results.project.itemIds.hint")}
        options={props.choices.items.map((i) => ({ value: i.id, label: i.title }))}
        defaultValue={initial.itemIds}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="leadDepartmentId"
          label={labels.leadDepartmentId}
          placeholder={t("form.select")}
          options={props.choices.departments.map((d) => ({ value: d.id, label: d.name }))}
          defaultValue={initial.leadDepartmentId}
        />
        <SelectField
          name="field"
          label={labels.field}
          hint={t("results.project.field.hint")}
          placeholder={t("results.project.field.fromItems")}
          options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
          defaultValue={initial.field ?? ""}
        />
        <SelectField
          name="partnerOrgId"
          label={labels.partnerOrgId}
          placeholder={t("results.project.partner.none")}
          options={props.choices.partners.map((p) => ({ value: p.id, label: p.name }))}
          defaultValue={initial.partnerOrgId ?? ""}
        />
        <TextField name="partnerOwner" label={labels.partnerOwner} defaultValue={initial.partnerOwner} />
        <SelectField
          name="status"
          label={labels.status}
          options={projectStatuses.map((s) => ({ value: s, label: t(`results.status.${s}`) }))}
          defaultValue={initial.status ?? "planning"}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="startsOn" type="date" label={labels.startsOn} defaultValue={initial.startsOn ?? undefined} />
          <TextField name="endsOn" type="date" label={labels.endsOn} defaultValue={initial.endsOn ?? undefined} />
        </div>
      </div>
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </SchemaForm>
  );
}
