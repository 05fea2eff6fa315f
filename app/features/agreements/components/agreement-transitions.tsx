// The transitions that need no input beyond a click (submit for approval may
// add optional approval steps); a refused one says why.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, SchemaForm } from "~/ui/form";
import { submitForApprovalInput, type AgreementDetail } from "../schema";

export function AgreementTransitions({
  agreement: a,
  today,
  result,
}: {
  agreement: AgreementDetail;
  /** Tokyo's date: activating before the term starts asks first. */
  today: string;
  /** The action's refusal, shown if it answers one of these transitions. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  const simple = a.can.transitions.filter((n) => !["sign", "renew", "end", "terminate"].includes(n));
  if (simple.length === 0) return null;
  return (
    // A refused transition (someone else moved the agreement first) says why.
    <SchemaForm
      schema={submitForApprovalInput}
      result={result}
      intent={simple.map((name) => `transition:${name}`)}
      method="post"
      className="mb-8 flex flex-wrap items-end gap-3"
    >
      <ErrorSummary labels={{ includeSteps: t("agreements.approvalChain.include") }} />
      {simple.includes("submitForApproval") && a.optionalApprovalSteps.length > 0 ? (
        <div className="w-full">
          <CheckboxGroup
            name="includeSteps"
            label={t("agreements.approvalChain.include")}
            hint={t("agreements.approvalChain.include.hint")}
            options={a.optionalApprovalSteps.map((label) => ({ value: label, label }))}
          />
        </div>
      ) : null}
      {simple.map((name) =>
        name === "activate" && a.startsOn && a.startsOn > today ? (
          // Before the term starts: asked once more, in words (a <details>, so also without JavaScript).
          <details key={name} className="w-full rounded-8 border border-solid-gray-300 p-4">
            <summary className="cursor-pointer text-std-16B-170 text-blue-1000 underline">{t.label("agreements.action", name)}</summary>
            <p className="my-3 text-std-16N-170">{t("agreements.activate.early", { date: format.date(a.startsOn) })}</p>
            <Button name="intent" value={`transition:${name}`}>
              {t("agreements.activate.earlyConfirm")}
            </Button>
          </details>
        ) : (
          <Button key={name} name="intent" value={`transition:${name}`}>
            {t.label("agreements.action", name)}
          </Button>
        ),
      )}
    </SchemaForm>
  );
}
