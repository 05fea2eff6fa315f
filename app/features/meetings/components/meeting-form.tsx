// Scheduling a meeting and recording it afterwards: one form for both. Times
// are entered in Japan time (datetime-local inputs carry no zone).
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { meetingInput, meetingKinds, toTokyoInputValue } from "../schema";

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
  /** The action's refusal, shown if it answers this form's intent. */
  result?: unknown;
  initial?: MeetingFormValues;
  intent: string;
  submitLabel: string;
  record?: boolean;
}) {
  const t = useT();
  const labels = meetingFieldLabels(t);
  const initial = props.initial ?? {};
  const time = (iso: string | undefined) => (iso ? toTokyoInputValue(iso) : undefined);
  return (
    <SchemaForm
      schema={meetingInput}
      result={props.result}
      intent={props.intent}
      method="post"
      className="flex flex-col gap-4"
      data-testid={`meeting-form-${props.intent}`}
    >
      <ErrorSummary labels={labels} />
      <input type="hidden" name="intent" value={props.intent} />
      <SelectField
        name="kind"
        label={labels.kind}
        defaultValue={initial.kind}
        placeholder={t("form.select")}
        options={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
      />
      <TextField name="title" label={labels.title} hint={t("meetings.field.title.hint")} defaultValue={initial.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="startsAt"
          type="datetime-local"
          label={labels.startsAt}
          hint={t("meetings.field.time.hint")}
          defaultValue={time(initial.startsAt)}
        />
        <TextField name="endsAt" type="datetime-local" label={labels.endsAt} defaultValue={time(initial.endsAt)} />
      </div>
      <TextField name="place" label={labels.place} defaultValue={initial.place} />
      <TextField
        name="onlineUrl"
        type="url"
        label={labels.onlineUrl}
        hint={t("meetings.field.onlineUrl.hint")}
        defaultValue={initial.onlineUrl}
      />
      <TextArea name="agenda" label={labels.agenda} rows={4} defaultValue={initial.agenda} />
      <TextArea
        name="attendees"
        label={labels.attendees}
        hint={t("meetings.field.attendees.hint")}
        rows={3}
        defaultValue={initial.attendees}
      />
      {props.record ? (
        <>
          <TextArea name="minutes" label={labels.minutes} rows={8} defaultValue={initial.minutes} />
          <TextArea name="decisions" label={labels.decisions} rows={4} defaultValue={initial.decisions} />
        </>
      ) : null}
      <div>
        <Button>{props.submitLabel}</Button>
      </div>
    </SchemaForm>
  );
}
