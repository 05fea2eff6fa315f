// The approval chain (of both parties for the city, of its own side for a
// partner) with the overall progress, and the form to record a decision on a
// pending step the caller may record.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextArea, TextField } from "~/ui/form";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { approvalDecisionInput, type AgreementDetail } from "../schema";

export function AgreementApprovals({
  agreement: a,
  today,
  result,
}: {
  agreement: AgreementDetail;
  /** The default decision date (Tokyo calendar day). */
  today: string;
  /** The action's refusal, shown if it answers the approval form. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  // Of the steps the caller sees (a partner: its own), those still to decide.
  const pendingSteps = a.approvals.filter((s) => s.status !== "approved");
  if (a.approvalProgress.steps === 0) return null;
  const ownOnly = a.approvals.length < a.approvalProgress.steps;
  return (
    <Section title={t("agreements.approvals")}>
      <p data-testid="approval-progress">{t("agreements.approvals.progress", a.approvalProgress)}</p>
      {ownOnly ? <p>{t("agreements.approvals.ownOnly")}</p> : null}
      <DataTable
        caption={t("agreements.approvals")}
        head={[
          t("agreements.approval.step"),
          t("agreements.approval.party"),
          t("proposals.filter.status"),
          t("agreements.approval.approver"),
          t("agreements.approval.date"),
          t("agreements.approval.comment"),
        ]}
        rows={a.approvals.map((s) => [
          s.label,
          s.partyName,
          t(`agreements.approval.status.${s.status}`),
          s.approverName ?? "—",
          s.decidedOn ? format.officialDate(s.decidedOn) : "—",
          s.comment ?? "",
        ])}
      />
      {a.can.recordApproval && pendingSteps.length > 0 ? (
        <SchemaForm
          schema={approvalDecisionInput}
          result={result}
          intent="approval"
          method="post"
          className="grid items-end gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-2"
        >
          <ErrorSummary
            labels={{
              stepId: t("agreements.approval.step"),
              approverName: t("agreements.approval.approver"),
              decidedOn: t("agreements.approval.date"),
            }}
          />
          <input type="hidden" name="intent" value="approval" />
          <SelectField
            name="stepId"
            label={t("agreements.approval.step")}
            options={pendingSteps.map((s) => ({ value: s.id, label: `${s.label}（${s.partyName}）` }))}
          />
          <SelectField
            name="decision"
            label={t("agreements.approval.decision")}
            options={(["approved", "returned"] as const).map((d) => ({ value: d, label: t(`agreements.approval.status.${d}`) }))}
          />
          <TextField name="approverName" label={t("agreements.approval.approver")} />
          <TextField name="decidedOn" type="date" label={t("agreements.approval.date")} defaultValue={today} />
          <TextArea name="comment" label={t("agreements.approval.comment")} rows={2} />
          <div>
            <Button>{t("agreements.approval.record")}</Button>
          </div>
        </SchemaForm>
      ) : null}
    </Section>
  );
}
