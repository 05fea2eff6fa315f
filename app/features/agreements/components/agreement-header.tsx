// The top of an agreement page: title and breadcrumbs, status, the document
// download and the links to the template and the edit form.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import type { AgreementDetail } from "../schema";

export function AgreementHeader({ agreement: a }: { agreement: AgreementDetail }) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={a.title}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: a.title }]}
        lead={`${t(`proposals.method.${a.method}`)}／${a.parties.map((p) => p.name).join("・")}`}
      />
      <p className="mb-6">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-dns-14N-130 text-blue-1000" data-testid="agreement-status">
          {t(`agreements.status.${a.status}`)}
        </span>
      </p>
      <p className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2">
        {/* A resource route: a full request, not a client-side navigation. */}
        <a
          href={`/agreements/${a.id}/document.docx`}
          className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
          data-testid="agreement-document"
        >
          {t("agreements.document.download")}
        </a>
        {a.can.openProposal && a.proposalId ? (
          <Link to={`/proposals/${a.proposalId}`} className="text-blue-1000 underline">
            {t("agreements.fromProposal")}
          </Link>
        ) : null}
        {a.can.editTemplate ? (
          <Link to="/desk/agreement-template" className="text-blue-1000 underline">
            {t("agreements.document.template")}
          </Link>
        ) : null}
      </p>
      {a.can.edit ? (
        <p className="mb-6">
          <Link
            to={`/agreements/${a.id}/edit`}
            className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
          >
            {t("agreements.edit")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
