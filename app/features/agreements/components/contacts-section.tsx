// Named contacts per party (primary and secondary), the warning when a
// secondary is missing, the forms to name a contact or record a handover,
// and the handover history.
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SelectField, TextArea, TextField, type FormErrors } from "~/ui/form";
import { DataTable, Notice, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AgreementDetail } from "../schema";

export function ContactsSection({
  agreement: a,
  errorsFor,
}: {
  agreement: AgreementDetail;
  errorsFor: (intent: string) => FormErrors | null;
}) {
  const t = useT();
  const format = useFormat();
  const parties = a.parties.filter((p) => a.can.contactsFor.includes(p.organizationId));
  const replaceable = a.contacts.filter((c) => a.can.contactsFor.includes(c.organizationId));
  const rankLabel = (rank: string) => t.label("agreements.contact.rank", rank);
  return (
    <Section title={t("agreements.contacts")}>
      <p>{t("agreements.contacts.lead")}</p>
      {a.missingSecondaryParties.length > 0 ? (
        <Notice kind="error">
          <span data-testid="missing-secondary">
            {t("agreements.contacts.missing", { parties: format.list(a.missingSecondaryParties) })}
          </span>
        </Notice>
      ) : null}
      {a.contacts.length === 0 ? (
        <p>{t("agreements.contacts.none")}</p>
      ) : (
        <DataTable
          caption={t("agreements.contacts")}
          head={[
            t("agreements.contact.party"),
            t("agreements.contact.rank"),
            t("agreements.contact.personName"),
            t("agreements.contact.unit"),
            t("agreements.contact.email"),
            t("agreements.contact.phone"),
          ]}
          rows={a.contacts.map((c) => [c.partyName, rankLabel(c.rank), c.personName, c.unit || "—", c.email || "—", c.phone || "—"])}
        />
      )}
      {parties.length > 0 ? (
        <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(errorsFor("contact"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("agreements.contact.save")}</summary>
          <Form method="post" className="mt-4 grid gap-4 md:grid-cols-2" noValidate>
            <ErrorSummary
              errors={errorsFor("contact")}
              labels={{ personName: t("agreements.contact.personName"), email: t("agreements.contact.email") }}
            />
            <input type="hidden" name="intent" value="contact" />
            <SelectField
              id="contact-party"
              name="organizationId"
              label={t("agreements.contact.party")}
              required
              options={parties.map((p) => ({ value: p.organizationId, label: p.name }))}
            />
            <SelectField
              id="contact-rank"
              name="rank"
              label={t("agreements.contact.rank")}
              required
              options={(["primary", "secondary"] as const).map((r) => ({ value: r, label: rankLabel(r) }))}
            />
            <TextField
              id="contact-name"
              name="personName"
              label={t("agreements.contact.personName")}
              required
              errors={errorsFor("contact")}
            />
            <TextField id="contact-unit" name="unit" label={t("agreements.contact.unit")} errors={errorsFor("contact")} />
            <TextField id="contact-email" name="email" type="email" label={t("agreements.contact.email")} errors={errorsFor("contact")} />
            <TextField id="contact-phone" name="phone" type="tel" label={t("agreements.contact.phone")} errors={errorsFor("contact")} />
            <div>
              <Button>{t("agreements.contact.save")}</Button>
            </div>
          </Form>
        </details>
      ) : null}
      {replaceable.length > 0 ? (
        <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(errorsFor("handover"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("agreements.handover.title")}</summary>
          <Form method="post" className="mt-4 grid gap-4 md:grid-cols-2" noValidate>
            <ErrorSummary
              errors={errorsFor("handover")}
              labels={{ personName: t("agreements.handover.personName"), notes: t("agreements.handover.notes") }}
            />
            <input type="hidden" name="intent" value="handover" />
            <SelectField
              id="handover-contact"
              name="contactId"
              label={t("agreements.handover.contact")}
              required
              options={replaceable.map((c) => ({ value: c.id, label: `${c.partyName}（${rankLabel(c.rank)}）${c.personName}` }))}
            />
            <TextField
              id="handover-name"
              name="personName"
              label={t("agreements.handover.personName")}
              required
              errors={errorsFor("handover")}
            />
            <TextArea
              id="handover-notes"
              name="notes"
              label={t("agreements.handover.notes")}
              required
              rows={3}
              errors={errorsFor("handover")}
            />
            <TextArea
              id="handover-open"
              name="openItems"
              label={t("agreements.handover.openItems")}
              rows={3}
              errors={errorsFor("handover")}
            />
            <TextField
              id="handover-meeting"
              name="meetingOn"
              type="date"
              label={t("agreements.handover.meetingOn")}
              errors={errorsFor("handover")}
            />
            <div>
              <Button>{t("agreements.handover.submit")}</Button>
            </div>
          </Form>
        </details>
      ) : null}
      {a.handovers.length > 0 ? (
        <div>
          <h3 className="text-std-17B-170">{t("agreements.handover.history")}</h3>
          <ul className="flex flex-col gap-3" data-testid="handovers">
            {a.handovers.map((h) => (
              <li key={h.at} className="rounded-8 bg-solid-gray-50 p-3">
                <p className="text-std-16B-170">
                  {t("agreements.handover.entry", { party: h.partyName, rank: rankLabel(h.rank), from: h.fromName, to: h.toName })}
                </p>
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {format.dateTime(h.at)}
                  {h.meetingOn ? `／${t("agreements.handover.meetingOn")} ${format.officialDate(h.meetingOn)}` : ""}
                </p>
                <p className="whitespace-pre-wrap">{h.notes}</p>
                {h.openItems ? <p className="whitespace-pre-wrap">{h.openItems}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
