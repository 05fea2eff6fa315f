// What the proposal says: who leads at this stage, summary, plan, benefits,
// theme, resources, period, contact, and its files.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { AttachmentList } from "~/features/files/components/attachments";
import type { MatrixLevel } from "../constants";
import type { ProposalDetail } from "../schema";

export function ProposalContent({ proposal: p }: { proposal: ProposalDetail }) {
  const t = useT();
  const format = useFormat();
  const level = (l: MatrixLevel) => t(`proposals.level.${l}`);
  return (
    <>
      <Section title={t("proposals.roles.title", { stage: t(`proposals.stage.${p.roles.stage}`) })}>
        <p data-testid="roles">
          {t("proposals.roles.desk", { level: level(p.roles.desk) })}／
          {t("proposals.roles.department", { level: level(p.roles.department) })}
        </p>
      </Section>

      <Section title={t("proposals.field.summary")}>
        <p className="whitespace-pre-wrap">{p.summary}</p>
      </Section>
      <Section title={t("proposals.field.plan")}>
        <p className="whitespace-pre-wrap">{p.plan}</p>
      </Section>
      <Section title={t("proposals.field.benefits.read")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[14rem_1fr]">
          <dt className="text-std-16B-170">{t("proposals.field.benefitCitizens")}</dt>
          <dd className="whitespace-pre-wrap">{p.benefitCitizens}</dd>
          <dt className="text-std-16B-170">{t("proposals.field.benefitPartner")}</dt>
          <dd className="whitespace-pre-wrap">{p.benefitPartner}</dd>
          <dt className="text-std-16B-170">{t("proposals.field.benefitMunicipality")}</dt>
          <dd className="whitespace-pre-wrap">{p.benefitMunicipality}</dd>
        </dl>
      </Section>
      <dl className="mb-10 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        {p.themeTitle ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.theme")}</dt>
            <dd>
              <Link to={`/themes/${p.themeId}`} className="text-blue-1000 underline">
                {p.themeTitle}
              </Link>
            </dd>
          </>
        ) : null}
        {p.resources ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.field.resources")}</dt>
            <dd className="whitespace-pre-wrap">{p.resources}</dd>
          </>
        ) : null}
        {p.periodStart || p.periodEnd ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.field.periodStart")}</dt>
            <dd>{format.dateRange(p.periodStart, p.periodEnd)}</dd>
          </>
        ) : null}
        <dt className="text-std-16B-170">{t("proposals.field.contactName")}</dt>
        <dd>
          {p.contactName} {p.contactEmail} {p.contactPhone}
        </dd>
        {p.submittedAt ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.submittedAt")}</dt>
            <dd>{format.dateTime(p.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
      {p.attachments.length > 0 ? (
        <Section title={t("proposals.files")}>
          <AttachmentList files={p.attachments} href={(id) => `/proposals/${p.id}/files/${id}`} />
        </Section>
      ) : null}
    </>
  );
}
