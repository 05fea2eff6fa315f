// The dialogue between proposer and city: messages and meeting notes with
// their files, and the form to post one.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { AttachmentList, AttachmentsField } from "~/features/files/components/attachments";
import { messageInput, messageKinds, type MessageView, type ProposalDetail } from "../schema";

export function ProposalDialogue({
  proposal: p,
  messages,
  result,
}: {
  proposal: ProposalDetail;
  messages: MessageView[];
  /** The action's refusal, shown if it answers the message form. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  if (p.status === "draft") return null;
  return (
    <Section title={t("proposals.dialogue.title")}>
      <p>{t("proposals.dialogue.lead")}</p>
      {messages.length === 0 ? (
        <p>{t("proposals.dialogue.none")}</p>
      ) : (
        <ol className="flex flex-col gap-4" data-testid="messages">
          {messages.map((m) => (
            <li key={m.id} className="rounded-8 border border-solid-gray-300 p-4">
              <p className="text-dns-14N-130 text-solid-gray-700">
                {m.kind === "meeting"
                  ? `${t("proposals.dialogue.kind.meeting")}（${m.meetingDate ? format.date(m.meetingDate) : ""}）`
                  : t("proposals.dialogue.kind.message")}
                　{m.authorUnit} {m.authorName}　{format.dateTime(m.createdAt)}
              </p>
              {m.attendees ? (
                <p className="text-dns-14N-130">
                  {t("proposals.dialogue.attendees")}: {m.attendees}
                </p>
              ) : null}
              <p className="mt-2 whitespace-pre-wrap">{m.body}</p>
              {m.attachments.length > 0 ? <AttachmentList files={m.attachments} href={(id) => `/proposals/${p.id}/files/${id}`} /> : null}
            </li>
          ))}
        </ol>
      )}
      {p.can.post ? (
        <SchemaForm
          schema={messageInput}
          result={result}
          intent="message"
          resetOnSuccess
          method="post"
          encType="multipart/form-data"
          className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4"
        >
          <ErrorSummary
            labels={{
              body: t("proposals.dialogue.body"),
              meetingDate: t("proposals.dialogue.meetingDate"),
              attachments: t("proposals.field.attachments"),
            }}
          />
          <SelectField
            name="kind"
            label={t("proposals.dialogue.kind")}
            options={messageKinds.map((k) => ({ value: k, label: t(`proposals.dialogue.kind.${k}`) }))}
          />
          <TextArea name="body" label={t("proposals.dialogue.body")} rows={4} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="meetingDate" type="date" label={t("proposals.dialogue.meetingDate")} />
            <TextField name="attendees" label={t("proposals.dialogue.attendees")} />
          </div>
          <AttachmentsField label={t("proposals.field.attachments")} legend="" />
          <div>
            <Button name="intent" value="message">
              {t("proposals.dialogue.post")}
            </Button>
          </div>
        </SchemaForm>
      ) : null}
    </Section>
  );
}
