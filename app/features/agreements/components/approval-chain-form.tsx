// The municipality's approval chain: for the desk, a row per step (label and
// "optional") with a few blank rows to add more; for others, the list.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, ErrorSummary, FieldNotice, SchemaForm, TextField } from "~/ui/form";
import { approvalChainFormInput, maxApprovalSteps, type ApprovalChainView } from "../schema";

export function ApprovalChainForm({ chain, result }: { chain: ApprovalChainView; result?: unknown }) {
  const t = useT();
  const rows = [
    ...chain.steps,
    ...Array.from({ length: Math.max(0, maxApprovalSteps - chain.steps.length) }, () => ({ label: "", optional: false })),
  ].slice(0, Math.max(chain.steps.length + 3, 6));
  return (
    <>
      {chain.editable ? (
        <SchemaForm
          schema={approvalChainFormInput}
          result={result}
          checkIntents={["save"]}
          method="post"
          className="flex max-w-3xl flex-col gap-6"
          key={chain.steps.map((s) => s.label).join("|")}
        >
          <ErrorSummary labels={{ steps: t("approvalChain.steps"), "steps[].label": t("approvalChain.steps") }} />
          <FieldNotice name="steps" />
          <ol className="flex flex-col gap-4">
            {rows.map((step, i) => (
              <li key={i} className="grid items-end gap-4 sm:grid-cols-[1fr_auto]">
                <TextField
                  name={`steps[${i}].label`}
                  required={false}
                  label={t("approvalChain.label", { n: i + 1 })}
                  defaultValue={step.label}
                  hint={i === 0 ? t("approvalChain.label.hint") : undefined}
                />
                <div className="pb-3">
                  <Checkbox
                    name={`steps[${i}].optional`}
                    label={t("approvalChain.optional")}
                    context={t("approvalChain.optional.context", { n: i + 1 })}
                    defaultChecked={step.optional}
                  />
                </div>
              </li>
            ))}
          </ol>
          <p className="text-std-16N-170 text-solid-gray-700">{t("approvalChain.partnerNote")}</p>
          <div className="flex flex-wrap gap-3">
            <Button name="intent" value="save">
              {t("approvalChain.save")}
            </Button>
            {!chain.isDefault ? (
              <Button variant="secondary" name="intent" value="reset">
                {t("approvalChain.reset")}
              </Button>
            ) : null}
          </div>
        </SchemaForm>
      ) : (
        <ol className="list-decimal pl-6 text-std-16N-170">
          {chain.steps.map((s) => (
            <li key={s.label}>
              {s.label}
              {s.optional ? `（${t("approvalChain.optional")}）` : ""}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
