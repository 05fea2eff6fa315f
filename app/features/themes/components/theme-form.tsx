// The theme call form: one component for drafting and editing. themeInput,
// which the server and the API validate with, also gives its constraints and
// the check before sending. Works without JavaScript.
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { AttachmentsField } from "~/features/files/components/attachments";
import { themeInput, type ThemeDetail } from "../schema";

export function themeFieldLabels(t: ReturnType<typeof useT>) {
  return {
    title: t("themes.field.title"),
    background: t("themes.field.background"),
    goal: t("themes.field.goal"),
    offer: t("themes.field.offer"),
    fields: t("themes.field.fields"),
    departmentId: t("themes.field.department"),
    planPolicy: t("themes.field.planPolicy"),
    planField: t("themes.field.planField"),
    startsOn: t("themes.field.startsOn"),
    deadline: t("themes.field.deadline"),
    attachments: t("themes.field.attachments"),
  };
}

export function ThemeForm(props: {
  /** The action's refusal, if any (useActionData). */
  result?: unknown;
  theme?: ThemeDetail;
  departments: { value: string; label: string }[];
  canPickDepartment: boolean;
  submitLabel: string;
}) {
  const t = useT();
  const labels = themeFieldLabels(t);
  const { theme } = props;
  const fieldOptions = policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }));
  return (
    <SchemaForm
      schema={themeInput}
      result={props.result}
      method="post"
      encType="multipart/form-data"
      className="flex max-w-3xl flex-col gap-6"
    >
      <ErrorSummary labels={labels} />
      {theme ? <input type="hidden" name="updatedAt" value={theme.updatedAt} /> : null}
      <TextField name="title" label={labels.title} defaultValue={theme?.title} />
      <TextArea
        name="background"
        label={labels.background}
        hint={t("themes.field.background.hint")}
        rows={6}
        defaultValue={theme?.background}
      />
      <TextArea name="goal" label={labels.goal} defaultValue={theme?.goal} />
      <TextArea name="offer" label={labels.offer} hint={t("themes.field.offer.hint")} defaultValue={theme?.offer} />
      <CheckboxGroup name="fields" label={labels.fields} options={fieldOptions} defaultValue={theme?.fields} />
      {props.canPickDepartment ? (
        <SelectField
          name="departmentId"
          label={labels.departmentId}
          placeholder={t("themes.filter.any")}
          options={props.departments}
          defaultValue={theme?.departmentId ?? ""}
        />
      ) : null}
      <TextField name="planPolicy" label={labels.planPolicy} hint={t("themes.field.planPolicy.hint")} defaultValue={theme?.planPolicy} />
      <SelectField
        name="planField"
        label={labels.planField}
        placeholder={t("themes.filter.any")}
        options={fieldOptions}
        defaultValue={theme?.planField ?? ""}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField name="startsOn" type="date" label={labels.startsOn} defaultValue={theme?.startsOn ?? ""} />
        <TextField name="deadline" type="date" label={labels.deadline} defaultValue={theme?.deadline ?? ""} />
      </div>
      <AttachmentsField existing={theme?.attachments} legend={t("themes.attachments")} label={labels.attachments} />
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </SchemaForm>
  );
}
