// Action items (what, who, by when) with an add form and a "mark done" button
// per open item. Proposals and meetings keep their own items and rules; this
// is the one presentation both pages share. The form posts intent
// "action-item" (title, ownerName, dueDate[, assignToMe]); the button posts
// intent "action-item-done" with itemId.
import { Form } from "react-router";
import { useT } from "./i18n";
import { Button } from "./button";
import type { z } from "zod";
import { Checkbox, ErrorSummary, SchemaForm, TextField } from "./form";
import { DataTable, Section } from "./layout";
import { useFormat } from "./format";
import { HomeRow, HomeSection, Tag } from "./home";

export interface ActionItemRow {
  id: string;
  title: string;
  ownerName: string;
  dueDate: string | null;
  doneAt: string | null;
  /** Past its due date and still open: shown in red. */
  overdue?: boolean;
}

/** The catalog area whose `actionItems.*` texts the section shows. */
type Area = "proposals" | "meetings";

export function ActionItems(props: {
  area: Area;
  items: ActionItemRow[];
  canAdd: boolean;
  canComplete: boolean;
  /** The feature's action item input (meetings require a due date; proposal items may have none). */
  schema: z.ZodType;
  /** Offer "assign to me" (meetings: the item then shows on the user's desk). */
  assignToMe?: boolean;
  /** How a done item reads, e.g. "完了" or "完了（日時）". */
  doneText: (doneAt: string) => string;
  /** The action's refusal, shown if it answers the "action-item" form. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  const { area, items } = props;
  const labels = {
    title: t(`${area}.actionItems.itemTitle`),
    ownerName: t(`${area}.actionItems.owner`),
    dueDate: t(`${area}.actionItems.due`),
    ...(props.assignToMe ? { ownerUserId: t("meetings.actionItems.assignToMe") } : {}),
  };
  const done = t(`${area}.actionItems.done`);
  return (
    <Section title={t(`${area}.actionItems.title`)}>
      {items.length === 0 ? (
        <p>{t(`${area}.actionItems.none`)}</p>
      ) : (
        <DataTable
          caption={t(`${area}.actionItems.title`)}
          head={[labels.title, labels.ownerName, labels.dueDate, t("table.state")]}
          rows={items.map((a) => [
            a.title,
            a.ownerName,
            <span key="due" className={a.overdue ? "text-std-16B-170 text-error-1" : undefined}>
              {a.dueDate ? format.date(a.dueDate) : "—"}
              {a.overdue ? `（${t("meetings.actionItems.overdue")}）` : ""}
            </span>,
            a.doneAt ? (
              props.doneText(a.doneAt)
            ) : props.canComplete ? (
              <Form key="done" method="post">
                <input type="hidden" name="itemId" value={a.id} />
                <Button name="intent" value="action-item-done" variant="tertiary" aria-label={`${done}: ${a.title}`}>
                  {done}
                </Button>
              </Form>
            ) : (
              ""
            ),
          ])}
        />
      )}
      {props.canAdd ? (
        <SchemaForm
          schema={props.schema}
          result={props.result}
          intent="action-item"
          resetOnSuccess
          method="post"
          className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4"
          data-testid="action-item-form"
        >
          <ErrorSummary labels={labels} ids={{ title: "action-item-title" }} />
          <input type="hidden" name="intent" value="action-item" />
          <div className="grid items-end gap-4 sm:grid-cols-[2fr_1fr_1fr]">
            <TextField id="action-item-title" name="title" label={labels.title} />
            <TextField name="ownerName" label={labels.ownerName} />
            <TextField name="dueDate" type="date" label={labels.dueDate} />
          </div>
          {props.assignToMe ? <Checkbox name="assignToMe" label={t("meetings.actionItems.assignToMe")} /> : null}
          <div>
            <Button variant="secondary">{t(`${area}.actionItems.add`)}</Button>
          </div>
        </SchemaForm>
      ) : null}
    </Section>
  );
}

/** An overdue action item on a home page, from a proposal's dialogue or a meeting. */
export interface OverdueItemRow {
  id: string;
  title: string;
  ownerName: string;
  dueDate: string;
  /** The page that holds the item, and what that page is ("提案: …", "会議: …"). */
  to: string;
  context: string;
}

/** The overdue action items of the caller's proposals and meetings, most overdue first. */
export function OverdueActionItems({ items, total }: { items: OverdueItemRow[]; total: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <HomeSection id="overdue" title={t("home.overdue")} empty={t("home.overdue.none")}>
      {items.map((i) => (
        <HomeRow
          key={i.id}
          to={i.to}
          title={i.title}
          badge={<Tag tone="alert">{t("home.overdue.due", { date: format.date(i.dueDate) })}</Tag>}
          detail={`${i.ownerName}／${i.context}`}
        />
      ))}
      {total > items.length ? <li className="py-3 text-dns-16N-130">{t("home.overdue.more", { count: total - items.length })}</li> : null}
    </HomeSection>
  );
}
