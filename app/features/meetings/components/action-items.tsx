// The action items of a meeting: what, who, by when; overdue ones marked.
// Any party member marks an item done; the owning desk adds them.
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, ErrorSummary, TextField, type FormErrors } from "~/ui/form";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { MeetingDetail } from "../schema";

export function ActionItemsSection({ meeting, errors }: { meeting: MeetingDetail; errors?: FormErrors | null }) {
  const t = useT();
  const format = useFormat();
  const labels = {
    title: t("meetings.actionItems.itemTitle"),
    ownerName: t("meetings.actionItems.owner"),
    dueDate: t("meetings.actionItems.due"),
    ownerUserId: t("meetings.actionItems.assignToMe"),
  };
  return (
    <Section title={t("meetings.actionItems.title")}>
      {meeting.actionItems.length === 0 ? (
        <p>{t("meetings.actionItems.none")}</p>
      ) : (
        <DataTable
          caption={t("meetings.actionItems.title")}
          head={[t("meetings.actionItems.itemTitle"), t("meetings.actionItems.owner"), t("meetings.actionItems.due"), ""]}
          rows={meeting.actionItems.map((a) => [
            a.title,
            a.ownerName,
            <span key="due" className={a.overdue ? "text-std-16B-170 text-error-1" : undefined}>
              {format.date(a.dueDate)}
              {a.overdue ? `（${t("meetings.actionItems.overdue")}）` : ""}
            </span>,
            a.doneAt ? (
              t("meetings.actionItems.completedAt", { at: format.dateTime(a.doneAt) })
            ) : meeting.can.completeActionItems ? (
              <Form key="done" method="post">
                <input type="hidden" name="itemId" value={a.id} />
                <Button
                  name="intent"
                  value="action-item-done"
                  variant="tertiary"
                  aria-label={`${t("meetings.actionItems.done")}: ${a.title}`}
                >
                  {t("meetings.actionItems.done")}
                </Button>
              </Form>
            ) : (
              ""
            ),
          ])}
        />
      )}
      {meeting.can.addActionItem ? (
        <Form method="post" className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4" noValidate data-testid="action-item-form">
          <ErrorSummary errors={errors} labels={labels} ids={{ title: "action-item-title" }} />
          <input type="hidden" name="intent" value="action-item" />
          <div className="grid items-end gap-4 sm:grid-cols-[2fr_1fr_1fr]">
            <TextField id="action-item-title" name="title" label={labels.title} required errors={errors} />
            <TextField name="ownerName" label={labels.ownerName} required errors={errors} />
            <TextField name="dueDate" type="date" label={labels.dueDate} required errors={errors} />
          </div>
          <Checkbox name="assignToMe" label={labels.ownerUserId} />
          <div>
            <Button variant="secondary">{t("meetings.actionItems.add")}</Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}
