// The transitions the viewer may take now, with a note; declining asks for
// grounds and a reason in its own form.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, resultForIntent, SchemaForm, TextArea } from "~/ui/form";
import { Section } from "~/ui/layout";
import { declineGrounds, declineInput, noteInput, type ProposalDetail } from "../schema";

export function ProposalActions({
  proposal: p,
  result,
}: {
  proposal: ProposalDetail;
  /** The action's refusal: each form shows it only if it answers that form's intent. */
  result?: unknown;
}) {
  const t = useT();
  const otherTransitions = p.can.transitions.filter((n) => n !== "decline");
  if (p.can.transitions.length === 0) return null;
  return (
    <Section title={t("proposals.actions")}>
      {otherTransitions.length > 0 ? (
        <SchemaForm schema={noteInput} method="post" className="flex flex-col gap-4 rounded-8 border border-solid-gray-300 p-4">
          <input type="hidden" name="title" value={p.title} />
          <TextArea name="note" label={t("proposals.action.note")} rows={2} />
          <div className="flex flex-wrap gap-3">
            {otherTransitions.map((name) => (
              <Button
                key={name}
                name="intent"
                value={`transition:${name}`}
                variant={name === "withdraw" || name === "close" ? "secondary" : "primary"}
              >
                {t.label("proposals.action", name)}
              </Button>
            ))}
          </div>
        </SchemaForm>
      ) : null}
      {p.can.transitions.includes("decline") ? (
        <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(resultForIntent(result, "transition:decline"))}>
          <summary className="cursor-pointer text-std-16B-170">{t("proposals.action.decline")}</summary>
          <SchemaForm schema={declineInput} result={result} intent="transition:decline" method="post" className="mt-4 flex flex-col gap-4">
            <p>{t("proposals.decline.lead")}</p>
            <ErrorSummary labels={{ grounds: t("proposals.decline.grounds"), reason: t("proposals.decline.reason") }} />
            <input type="hidden" name="title" value={p.title} />
            <CheckboxGroup
              name="grounds"
              required
              label={t("proposals.decline.grounds")}
              options={declineGrounds.map((g) => ({ value: g, label: t(`proposals.ground.${g}`) }))}
            />
            <TextArea name="reason" label={t("proposals.decline.reason")} rows={4} />
            <div>
              <Button name="intent" value="transition:decline">
                {t("proposals.decline.submit")}
              </Button>
            </div>
          </SchemaForm>
        </details>
      ) : null}
    </Section>
  );
}
