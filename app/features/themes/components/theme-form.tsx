// The theme call form: one component for drafting and editing, validated by
// themeInput on the server (and the API). Works without JavaScript.
import { Form } from "react-router";
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField, type FormErrors } from "~/ui/form";
import { AttachmentsField } from "~/features/files/components/attachments";
import type { ThemeDetail } from "../schema";

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
  errors?: FormErrors | null;
  theme?: ThemeDetail;
  departments: { value: string; label: string }[];
  canPickDepartment: boolean;
  submitLabel: string;
}) {
  const t = useT();
  const labels = themeFieldLabels(t);
  const { errors, theme } = props;
  const fieldOptions = policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }));
  return (
    <Form method="post" encType="multipart/form-data" className="flex max-w-3xl flex-col gap-6" noValidate>
      <ErrorSummary errors={errors} labels={labels} />
      {theme ? <input type="hidden" name="updatedAt" value={theme.updatedAt} /> : null}
      <TextField name="title" label={labels.title} required errors={errors} maxLength={120} defaultValue={theme?.title} />
      <TextArea
        name="background"
        label={labels.background}
        hint={t("themes.field.background.hint")}
        required
        errors={errors}
        rows={6}
        defaultValue={theme?.background}
      />
      <TextArea name="goal" label={labels.goal} required errors={errors} defaultValue={theme?.goal} />
      <TextArea name="offer" label={labels.offer} hint={t("themes.field.offer.hint")} errors={errors} defaultValue={theme?.offer} />
      <CheckboxGroup name="fields" label={labels.fields} required errors={errors} options={fieldOptions} defaultValue={theme?.fields} />
      {props.canPickDepartment ? (
        <SelectField
          name="departmentId"
          label={labels.departmentId}
          errors={errors}
          placeholder={t("themes.filter.any")}
          options={props.departments}
          defaultValue={theme?.departmentId ?? ""}
        />
      ) : null}
      <TextField
        name="planPolicy"
        label={labels.planPolicy}
        hint={t("themes.field.planPolicy.hint")}
        errors={errors}
        maxLength={500}
        defaultValue={theme?.planPolicy}
      />
      <SelectField
        name="planField"
        label={labels.planField}
        errors={errors}
        placeholder={t("themes.filter.any")}
        options={fieldOptions}
        defaultValue={theme?.planField ?? ""}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField name="startsOn" type="date" label={labels.startsOn} errors={errors} defaultValue={theme?.startsOn ?? ""} />
        <TextField name="deadline" type="date" label={labels.deadline} errors={errors} defaultValue={theme?.deadline ?? ""} />
      </div>
      <AttachmentsField existing={theme?.attachments} legend={t("themes.attachments")} label={labels.attachments} errors={errors} />
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </Form>
  );
}
