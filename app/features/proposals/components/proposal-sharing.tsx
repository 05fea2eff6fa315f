// The departments the proposal is shared with, and the form to share it
// with more.
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { CheckboxGroup, SchemaForm } from "~/ui/form";
import { Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { shareInput, type ProposalDetail } from "../schema";

export function ProposalSharing({
  proposal: p,
  departments,
  result,
}: {
  proposal: ProposalDetail;
  departments: { value: string; label: string }[];
  /** The action's refusal, shown if it answers the share form. */
  result?: unknown;
}) {
  const t = useT();
  const format = useFormat();
  if (!(p.can.share || p.shares.length > 0)) return null;
  return (
    <Section title={t("proposals.share.title")}>
      <p>{t("proposals.share.lead")}</p>
      {p.shares.length === 0 ? (
        <p>{t("proposals.share.none")}</p>
      ) : (
        <ul className="list-disc pl-6">
          {p.shares.map((s) => (
            <li key={s.departmentId}>
              {s.departmentName}（{format.dateTime(s.sharedAt)}）
            </li>
          ))}
        </ul>
      )}
      {p.can.share ? (
        <SchemaForm schema={shareInput} result={result} intent="share" method="post" className="flex flex-col gap-4">
          <CheckboxGroup
            name="departmentIds"
            required
            label={t("proposals.share.departments")}
            options={departments.filter((d) => !p.shares.some((s) => s.departmentId === d.value))}
          />
          <div>
            <Button name="intent" value="share">
              {t("proposals.share.submit")}
            </Button>
          </div>
        </SchemaForm>
      ) : null}
    </Section>
  );
}
