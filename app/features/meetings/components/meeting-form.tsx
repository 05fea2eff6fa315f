// Scheduling a meeting and recording it afterwards: one form for both. Times
// are entered in Japan time (datetime-local inputs carry no zone).
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SelectField, TextArea, TextField, type FormErrors } from "~/ui/form";
import { meetingKinds, toTokyoInputValue } from "../schema";

export interface MeetingFormValues {
  kind?: string;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  onlineUrl?: string;
  agenda?: string;
  attendees?: string;
  minutes?: string;
  decisions?: string;
}

export function meetingFieldLabels(t: ReturnType<typeof useT>) {
  return {
    kind: t("meetings.field.kind"),
    title: t("meetings.field.title"),
    startsAt: t("meetings.field.startsAt"),
    endsAt: t("meetings.field.endsAt"),
    place: t("meetings.field.place"),
    onlineUrl: t("meetings.field.onlineUrl"),
    agenda: t("meetings.field.agenda"),
    attendees: t("meetings.field.attendees"),
    minutes: t("meetings.field.minutes"),
    decisions: t("meetings.field.decisions"),
  };
}

/**
 * `intent` tells the action which form was sent; `record` adds the fields
 * written after the meeting (minutes, decisions).
 */
export function MeetingForm(props: {
  errors?: FormErrors | null;
  initial?: MeetingFormValues;
  intent: string;
  submitLabel: string;
  record?: boolean;
}) {
  const t = useT();
  const labels = meetingFieldLabels(t);
  const initial = props.initial ?? {};
  const errors = props.errors ?? null;
  const time = (iso: string | undefined) => (iso ? toTokyoInputValue(iso) : undefined);
  return (
    <Form method="post" className="flex flex-col gap-4" noValidate data-testid={`meeting-form-${props.intent}`}>
      <ErrorSummary errors={errors} labels={labels} />
      <input type="hidden" name="intent" value={props.intent} />
      <SelectField
        name="kind"
        label={labels.kind}
        required
        errors={errors}
        defaultValue={initial.kind}
        placeholder={t("form.select")}
        options={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
      />
      <TextField
        name="title"
        label={labels.title}
        hint={t("meetings.field.title.hint")}
        required
        errors={errors}
        defaultValue={initial.title}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsAt"
          type="datetime-local"
          label={labels.startsAt}
          hint={t("meetings.field.time.hint")}
          required
          errors={errors}
          defaultValue={time(initial.startsAt)}
        />
        <TextField name="endsAt" type="datetime-local" label={labels.endsAt} required errors={errors} defaultValue={time(initial.endsAt)} />
      </div>
      <TextField name="place" label={labels.place} errors={errors} defaultValue={initial.place} />
      <TextField
        name="onlineUrl"
        type="url"
        label={labels.onlineUrl}
        hint={t("meetings.field.onlineUrl.hint")}
        errors={errors}
        defaultValue={initial.onlineUrl}
      />
      <TextArea name="agenda" label={labels.agenda} rows={4} errors={errors} defaultValue={initial.agenda} />
      <TextArea
        name="attendees"
        label={labels.attendees}
        hint={t("meetings.field.attendees.hint")}
        rows={3}
        errors={errors}
        defaultValue={initial.attendees}
      />
      {props.record ? (
        <>
          <TextArea name="minutes" label={labels.minutes} rows={8} errors={errors} defaultValue={initial.minutes} />
          <TextArea name="decisions" label={labels.decisions} rows={4} errors={errors} defaultValue={initial.decisions} />
        </>
      ) : null}
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </Form>
  );
}
