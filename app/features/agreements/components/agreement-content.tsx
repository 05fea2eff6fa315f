// What the agreement says: purpose, the items each party takes on, roles,
// costs, term and renewal, signing, and the last evaluation or end reason.
import { useT } from "~/ui/i18n";
import { DataTable, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AgreementDetail } from "../schema";

export function AgreementContent({ agreement: a }: { agreement: AgreementDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <Section title={t("agreements.field.purpose")}>
        <p className="whitespace-pre-wrap">{a.purpose}</p>
      </Section>
      <Section title={t("agreements.items")}>
        {a.items.length === 0 ? (
          <p>{t("agreements.items.none")}</p>
        ) : (
          <DataTable
            caption={t("agreements.items")}
            head={[
              t("table.number"),
              t("agreements.item.title"),
              t("agreements.item.field"),
              t("agreements.item.priority"),
              t("agreements.item.horizon"),
              t("agreements.item.department"),
              t("agreements.item.partnerOwner"),
            ]}
            rows={a.items.map((item, i) => [
              t("agreements.item.number", { n: i + 1 }),
              item.title,
              t.label("field", item.field),
              t(`agreements.priority.${item.priority}`),
              t(`agreements.horizon.${item.horizon}`),
              item.departmentName ?? "—",
              item.partnerOwner || "—",
            ])}
          />
        )}
      </Section>
      <dl className="mb-10 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        {(
          [
            ["roles", a.roles],
            ["consultationBody", a.consultationBody],
            ["costSharing", a.costSharing],
            ["confidentiality", a.confidentiality],
          ] as const
        )
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-std-16B-170">{t(`agreements.field.${k}`)}</dt>
              <dd className="whitespace-pre-wrap">{v}</dd>
            </div>
          ))}
        <dt className="text-std-16B-170">{t("agreements.term")}</dt>
        <dd>
          {a.startsOn ? format.officialDate(a.startsOn) : "—"} 〜 {a.endsOn ? format.officialDate(a.endsOn) : "—"}
        </dd>
        <dt className="text-std-16B-170">{t("agreements.field.renewalRule")}</dt>
        <dd>
          {t(`agreements.renewal.${a.renewalRule}`)}
          {a.renewalRule === "automatic" && a.renewalYears
            ? `（${t("agreements.renewal.detail", { years: a.renewalYears, date: a.objectionDeadline ? format.officialDate(a.objectionDeadline) : "—" })}）`
            : ""}
        </dd>
        {a.signedOn ? (
          <>
            <dt className="text-std-16B-170">{t("agreements.field.signedOn")}</dt>
            <dd data-testid="signed-on">{format.officialDate(a.signedOn)}</dd>
          </>
        ) : null}
        {/* The last renewal review's verdict stays in view: what to continue, change, add or end. */}
        {a.evaluation ? (
          <>
            <dt className="text-std-16B-170">{t("agreements.field.evaluation")}</dt>
            <dd className="whitespace-pre-wrap" data-testid="agreement-evaluation">
              {a.evaluation}
            </dd>
          </>
        ) : null}
        {a.endReason ? (
          <>
            <dt className="text-std-16B-170">{t("agreements.field.endReason")}</dt>
            <dd className="whitespace-pre-wrap">{a.endReason}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
