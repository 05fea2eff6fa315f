// The transitions that need no input beyond a click (submit for approval may
// add optional approval steps); a refused one says why.
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, ErrorSummary, type FormErrors } from "~/ui/form";
import type { AgreementDetail } from "../schema";

export function AgreementTransitions({
  agreement: a,
  errorsFor,
}: {
  agreement: AgreementDetail;
  errorsFor: (intent: string) => FormErrors | null;
}) {
  const t = useT();
  const simple = a.can.transitions.filter((n) => !["sign", "renew", "end", "terminate"].includes(n));
  // A refused transition (someone else moved the agreement first) says why.
  const simpleErrors = simple.map((n) => errorsFor(`transition:${n}`)).find(Boolean) ?? null;
  if (simple.length === 0) return null;
  return (
    <Form method="post" className="mb-8 flex flex-wrap items-end gap-3">
      <ErrorSummary errors={simpleErrors} labels={{}} />
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
      {simple.map((name) => (
        <Button key={name} name="intent" value={`transition:${name}`}>
          {t.label("agreements.action", name)}
        </Button>
      ))}
    </Form>
  );
}
