// Consent to publish the proposal: who agreed so far, the public summary,
// and the form to agree.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, SchemaForm, TextArea } from "~/ui/form";
import { Section } from "~/ui/layout";
import { publicationInput, type ProposalDetail } from "../schema";

export function ProposalPublication({
  proposal: p,
  result,
}: {
  proposal: ProposalDetail;
  /** The action's refusal, shown if it answers the publication form. */
  result?: unknown;
}) {
  const t = useT();
  if (!p.can.publication) return null;
  return (
    <Section title={t("proposals.publication.title")}>
      <p>{t("proposals.publication.lead")}</p>
      <p>
        {t("proposals.publication.state", {
          desk: t(p.publishAgreedByDesk ? "proposals.publication.yes" : "proposals.publication.no"),
          proposer: t(p.publishAgreedByProposer ? "proposals.publication.yes" : "proposals.publication.no"),
        })}
      </p>
      {p.publicSummary ? <p className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-4">{p.publicSummary}</p> : null}
      <SchemaForm schema={publicationInput} result={result} intent="publication" method="post" className="flex flex-col gap-4">
        <TextArea name="summary" label={t("proposals.publication.summary")} rows={3} defaultValue={p.publicSummary ?? ""} />
        <Checkbox name="agree" label={t("proposals.publication.agree")} />
        <div>
          <Button name="intent" value="publication" variant="secondary">
            {t("proposals.publication.save")}
          </Button>
        </div>
      </SchemaForm>
    </Section>
  );
}
