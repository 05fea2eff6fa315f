// The approval chain of both parties and the form to record a decision on a
// pending step.
import { Form } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SelectField, TextArea, TextField, type FormErrors } from "~/ui/form";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AgreementDetail } from "../schema";

export function AgreementApprovals({
  agreement: a,
  today,
  errorsFor,
}: {
  agreement: AgreementDetail;
  /** The default decision date (Tokyo calendar day). */
  today: string;
  errorsFor: (intent: string) => FormErrors | null;
}) {
  const t = useT();
  const format = useFormat();
  const pendingSteps = a.approvals.filter((s) => s.status !== "approved");
  if (a.approvals.length === 0) return null;
  return (
    <Section title={t("agreements.approvals")}>
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
        <Form method="post" className="grid items-end gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-2" noValidate>
          <ErrorSummary
            errors={errorsFor("approval")}
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
            required
            errors={errorsFor("approval")}
            options={pendingSteps.map((s) => ({ value: s.id, label: `${s.label}（${s.partyName}）` }))}
          />
          <SelectField
            name="decision"
            label={t("agreements.approval.decision")}
            required
            options={(["approved", "returned"] as const).map((d) => ({ value: d, label: t(`agreements.approval.status.${d}`) }))}
          />
          <TextField name="approverName" label={t("agreements.approval.approver")} required errors={errorsFor("approval")} />
          <TextField
            name="decidedOn"
            type="date"
            label={t("agreements.approval.date")}
            required
            errors={errorsFor("approval")}
            defaultValue={today}
          />
          <TextArea name="comment" label={t("agreements.approval.comment")} rows={2} errors={errorsFor("approval")} />
          <div>
            <Button>{t("agreements.approval.record")}</Button>
          </div>
        </Form>
      ) : null}
    </Section>
  );
}
