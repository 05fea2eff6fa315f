// Named contacts per party (primary and secondary), the warning when a
// secondary is missing, the forms to name a contact or record a handover,
// and the handover history.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, resultForIntent, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { DataTable, Notice, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { contactInput, handoverInput, type AgreementDetail } from "../schema";

export function ContactsSection({
  agreement: a,
  result,
}: {
  agreement: AgreementDetail;
  /** The action's refusal: each form shows it only if it answers that form's intent. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  const parties = a.parties.filter((p) => a.can.contactsFor.includes(p.organizationId));
  const replaceable = a.contacts.filter((c) => a.can.contactsFor.includes(c.organizationId));
  const rankLabel = (rank: string) => t.label("agreements.contact.rank", rank);
  return (
    <Section title={t("agreements.contacts")}>
      <p>{t("agreements.contacts.lead")}</p>
      {/* Before anyone is named, the section says so once; "no deputy" is for a party that named its lead only. */}
      {a.missingSecondaryParties.length > 0 && a.contacts.length > 0 ? (
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
        <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "contact"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("agreements.contact.save")}</summary>
          <SchemaForm schema={contactInput} result={result} intent="contact" method="post" className="mt-4 grid gap-4 md:grid-cols-2">
            <ErrorSummary
              labels={{
                organizationId: t("agreements.contact.party"),
                rank: t("agreements.contact.rank"),
                personName: t("agreements.contact.personName"),
                unit: t("agreements.contact.unit"),
                email: t("agreements.contact.email"),
                phone: t("agreements.contact.phone"),
              }}
              ids={{
                organizationId: "contact-party",
                rank: "contact-rank",
                personName: "contact-name",
                unit: "contact-unit",
                email: "contact-email",
                phone: "contact-phone",
              }}
            />
            <input type="hidden" name="intent" value="contact" />
            <SelectField
              id="contact-party"
              name="organizationId"
              label={t("agreements.contact.party")}
              options={parties.map((p) => ({ value: p.organizationId, label: p.name }))}
            />
            <SelectField
              id="contact-rank"
              name="rank"
              label={t("agreements.contact.rank")}
              options={(["primary", "secondary"] as const).map((r) => ({ value: r, label: rankLabel(r) }))}
            />
            <TextField id="contact-name" name="personName" label={t("agreements.contact.personName")} />
            <TextField id="contact-unit" name="unit" label={t("agreements.contact.unit")} />
            <TextField id="contact-email" name="email" type="email" label={t("agreements.contact.email")} />
            <TextField id="contact-phone" name="phone" type="tel" label={t("agreements.contact.phone")} />
            <div>
              <Button>{t("agreements.contact.save")}</Button>
            </div>
          </SchemaForm>
        </details>
      ) : null}
      {replaceable.length > 0 ? (
        <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "handover"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("agreements.handover.title")}</summary>
          <SchemaForm schema={handoverInput} result={result} intent="handover" method="post" className="mt-4 grid gap-4 md:grid-cols-2">
            <ErrorSummary
              labels={{
                contactId: t("agreements.handover.contact"),
                personName: t("agreements.handover.personName"),
                notes: t("agreements.handover.notes"),
                openItems: t("agreements.handover.openItems"),
                meetingOn: t("agreements.handover.meetingOn"),
              }}
              ids={{
                contactId: "handover-contact",
                personName: "handover-name",
                notes: "handover-notes",
                openItems: "handover-open",
                meetingOn: "handover-meeting",
              }}
            />
            <input type="hidden" name="intent" value="handover" />
            <SelectField
              id="handover-contact"
              name="contactId"
              label={t("agreements.handover.contact")}
              options={replaceable.map((c) => ({ value: c.id, label: `${c.partyName}（${rankLabel(c.rank)}）${c.personName}` }))}
            />
            <TextField id="handover-name" name="personName" label={t("agreements.handover.personName")} />
            <TextArea id="handover-notes" name="notes" label={t("agreements.handover.notes")} rows={3} />
            <TextArea id="handover-open" name="openItems" label={t("agreements.handover.openItems")} rows={3} />
            <TextField id="handover-meeting" name="meetingOn" type="date" label={t("agreements.handover.meetingOn")} />
            <div>
              <Button>{t("agreements.handover.submit")}</Button>
            </div>
          </SchemaForm>
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
