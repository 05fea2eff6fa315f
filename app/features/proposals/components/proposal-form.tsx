// The proposal form. Without JavaScript it posts "save" or "submit"; with it,
// every change is also auto-saved as a draft a couple of seconds later.
import { useEffect, useRef, useState } from "react";
import { Form, Link, useFetcher } from "react-router";
import { policyFieldCodes } from "~/lib/policy-fields";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { Section } from "~/ui/layout";
import { AttachmentsField } from "~/features/files/components/attachments";
import { partnershipMethods, proposalSubmitFormInput, type ProposalDetail } from "../schema";

export function proposalFieldLabels(t: ReturnType<typeof useT>) {
  return {
    municipalityCode: t("proposals.field.municipalityCode"),
    themeId: t("proposals.theme"),
    title: t("proposals.field.title"),
    summary: t("proposals.field.summary"),
    plan: t("proposals.field.plan"),
    benefitCitizens: t("proposals.field.benefitCitizens"),
    benefitPartner: t("proposals.field.benefitPartner"),
    benefitMunicipality: t("proposals.field.benefitMunicipality"),
    fields: t("proposals.field.fields"),
    method: t("proposals.field.method"),
    resources: t("proposals.field.resources"),
    periodStart: t("proposals.field.periodStart"),
    periodEnd: t("proposals.field.periodEnd"),
    contactName: t("proposals.field.contactName"),
    contactEmail: t("proposals.field.contactEmail"),
    contactPhone: t("proposals.field.contactPhone"),
    attachments: t("proposals.field.attachments"),
  };
}

const AUTOSAVE_DELAY_MS = 2000;

export function ProposalForm(props: {
  /** The action's refusal, if any (useActionData). */
  result?: unknown;
  proposal?: ProposalDetail;
  themeId?: string | null;
  themeTitle?: string | null;
  /** The municipality a new free proposal goes to, chosen on the step before. */
  municipality?: { code: string; fullName: string } | null;
  clientToken: string;
  contact: { name: string; email: string };
  /** A theme proposal starts with the theme's fields ticked. */
  defaultFields?: string[];
}) {
  const t = useT();
  const format = useFormat();
  const labels = proposalFieldLabels(t);
  const { proposal } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useFetcher<{ id?: string; savedAt?: string }>();
  const [draftId, setDraftId] = useState(proposal?.id ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (autosave.data?.id) setDraftId(autosave.data.id);
  }, [autosave.data]);

  function scheduleAutosave() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      data.set("intent", "autosave");
      data.delete("attachments");
      autosave.submit(data, { method: "post", encType: "multipart/form-data" });
    }, AUTOSAVE_DELAY_MS);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const fieldOptions = policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }));
  return (
    // Constraints and the check before sending follow what submitting requires; a draft is saved as it is.
    <SchemaForm
      ref={formRef}
      schema={proposalSubmitFormInput}
      result={props.result}
      checkIntents={["submit"]}
      method="post"
      encType="multipart/form-data"
      className="flex max-w-3xl flex-col gap-6"
      onChange={scheduleAutosave}
    >
      <ErrorSummary labels={labels} ids={{ municipalityCode: "chosen-municipality" }} />
      <input type="hidden" name="clientToken" value={props.clientToken} />
      <input type="hidden" name="id" value={draftId} />
      {props.themeId ? (
        <>
          <input type="hidden" name="themeId" value={props.themeId} />
          <p className="text-std-16B-170">{t("proposals.new.theme", { title: props.themeTitle ?? "" })}</p>
        </>
      ) : !proposal && props.municipality ? (
        <p id="chosen-municipality" tabIndex={-1} className="flex flex-wrap items-baseline gap-3 text-std-16B-170">
          <input type="hidden" name="municipalityCode" value={props.municipality.code} />
          {t("proposals.new.to", { name: props.municipality.fullName, code: props.municipality.code })}
          <Link to="/proposals/new" className="text-std-16N-170 text-blue-1000 underline">
            {t("proposals.new.changeMunicipality")}
          </Link>
        </p>
      ) : null}
      <TextField name="title" label={labels.title} defaultValue={proposal?.title} />
      <TextArea name="summary" label={labels.summary} rows={3} defaultValue={proposal?.summary} />
      <TextArea name="plan" label={labels.plan} hint={t("proposals.field.plan.hint")} rows={6} defaultValue={proposal?.plan} />
      <Section title={t("proposals.field.benefits")}>
        <TextArea name="benefitCitizens" label={labels.benefitCitizens} rows={3} defaultValue={proposal?.benefitCitizens} />
        <TextArea name="benefitPartner" label={labels.benefitPartner} rows={3} defaultValue={proposal?.benefitPartner} />
        <TextArea name="benefitMunicipality" label={labels.benefitMunicipality} rows={3} defaultValue={proposal?.benefitMunicipality} />
      </Section>
      <CheckboxGroup
        name="fields"
        required
        label={labels.fields}
        options={fieldOptions}
        defaultValue={proposal?.fields ?? props.defaultFields}
      />
      <SelectField
        name="method"
        label={labels.method}
        options={partnershipMethods.map((m) => ({ value: m, label: t(`proposals.method.${m}`) }))}
        defaultValue={proposal?.method ?? "undecided"}
      />
      <TextArea
        name="resources"
        label={labels.resources}
        hint={t("proposals.field.resources.hint")}
        rows={3}
        defaultValue={proposal?.resources}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField name="periodStart" type="date" label={labels.periodStart} defaultValue={proposal?.periodStart ?? ""} />
        <TextField name="periodEnd" type="date" label={labels.periodEnd} defaultValue={proposal?.periodEnd ?? ""} />
      </div>
      <div className="grid gap-6 sm:grid-cols-3">
        <TextField name="contactName" label={labels.contactName} defaultValue={proposal?.contactName || props.contact.name} />
        <TextField
          name="contactEmail"
          type="email"
          label={labels.contactEmail}
          defaultValue={proposal?.contactEmail || props.contact.email}
        />
        <TextField name="contactPhone" type="tel" label={labels.contactPhone} defaultValue={proposal?.contactPhone} />
      </div>
      <AttachmentsField existing={proposal?.attachments} legend={t("proposals.files")} label={labels.attachments} />
      <div className="flex flex-wrap items-center gap-4">
        <Button name="intent" value="submit">
          {t("proposals.submit")}
        </Button>
        <Button name="intent" value="save" variant="secondary">
          {t("proposals.saveDraft")}
        </Button>
        <p role="status" aria-live="polite" className="text-dns-14N-130 text-solid-gray-700">
          {autosave.data?.savedAt ? t("proposals.autosaved", { time: format.time(autosave.data.savedAt, "second") }) : ""}
        </p>
      </div>
    </SchemaForm>
  );
}

/**
 * Deleting a draft, asked twice: the first click opens the question, the
 * second deletes (a <details>, so it works without JavaScript).
 */
export function DeleteDraft({ title }: { title: string }) {
  const t = useT();
  return (
    <details className="mt-10 max-w-3xl rounded-8 border border-solid-gray-300 p-4">
      <summary className="cursor-pointer text-std-16B-170 text-error-1 underline">{t("proposals.delete")}</summary>
      <Form method="post" action="?intent=delete" className="mt-4 flex flex-col items-start gap-3">
        <input type="hidden" name="title" value={title} />
        <p className="text-std-16N-170">{t("proposals.delete.confirm", { title: title || t("proposals.status.draft") })}</p>
        <Button className="bg-error-1 hover:bg-error-2">{t("proposals.delete.submit")}</Button>
      </Form>
    </details>
  );
}
