// The top of a proposal page: title and breadcrumbs, status and kind badges,
// the decline notice, and the links to edit it or turn it into an agreement.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Notice, PageHeader } from "~/ui/layout";
import type { ProposalDetail } from "../schema";

export function ProposalHeader({ proposal: p }: { proposal: ProposalDetail }) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={p.title || t("proposals.status.draft")}
        crumbs={[{ label: t("proposals.title"), to: "/proposals" }, { label: p.title || t("proposals.status.draft") }]}
        lead={`${t("proposals.proposer")}: ${p.proposerName}／${t("proposals.municipality")}: ${p.municipalityName}`}
      />
      <p className="mb-6 flex flex-wrap gap-2 text-dns-14N-130">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-blue-1000" data-testid="proposal-status">
          {t(`proposals.status.${p.status}`)}
        </span>
        <span className="rounded-4 bg-solid-gray-50 px-2 py-1">{t(`proposals.kind.${p.kind}`)}</span>
        <span className="rounded-4 bg-solid-gray-50 px-2 py-1">{t(`proposals.method.${p.method}`)}</span>
        {p.fields.map((f) => (
          <span key={f} className="rounded-4 bg-solid-gray-50 px-2 py-1">
            {t.label("field", f)}
          </span>
        ))}
      </p>
      {p.status === "declined" ? (
        <Notice kind="error">
          <p className="text-std-16B-170">{t("proposals.declined.notice")}</p>
          <ul className="mt-2 list-disc pl-6">
            {p.declineGrounds.map((g) => (
              <li key={g}>{t(`proposals.ground.${g}`)}</li>
            ))}
          </ul>
          <p className="mt-2 whitespace-pre-wrap" data-testid="decline-reason">
            {p.declineReason}
          </p>
        </Notice>
      ) : null}
      {p.status === "agreement_preparation" && p.can.share ? (
        <p className="mb-6">
          <Link
            to={`/agreements/new?fromProposal=${p.id}`}
            className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline"
          >
            {t("proposals.toAgreement")}
          </Link>
        </p>
      ) : null}
      {p.can.edit ? (
        <p className="mb-6">
          <Link
            to={`/proposals/${p.id}/edit`}
            className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline"
          >
            {t("proposals.edit")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
