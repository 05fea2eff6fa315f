import { Link } from "react-router";
import type { Route } from "./+types/agreements";
import { isAppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { useFormat } from "~/ui/format";
import { useT } from "~/ui/i18n";
import { MoreLink, PageHeader } from "~/ui/layout";
import { StatusSearch } from "~/ui/status-search";
import { requirePageScope } from "~/server/context.server";
import { agreementListInput, agreementStatuses } from "~/features/agreements/schema";
import { listAgreements } from "~/features/agreements/register/data.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";
import { AgreementExportLinks } from "~/features/agreements/components/agreement-export-links";
import { AgreementTable, agreementRow } from "~/features/agreements/components/agreement-table";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  const isDesk = isPublicBodyDesk(ctx.scope);
  try {
    const { items, total, nextCursor } = await listAgreements(ctx, parseInput(agreementListInput, params));
    return { params, isDesk, items: items.map(agreementRow), total, nextCursor };
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation") throw error;
    return { params, isDesk, items: [], total: 0, nextCursor: null };
  }
}

export default function Agreements({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { params, isDesk, items, total, nextCursor } = loaderData;
  return (
    <>
      <PageHeader title={t("agreements.title")} crumbs={[{ label: t("agreements.title") }]} lead={t("agreements.lead")} />
      {isDesk ? (
        <p className="mb-6 flex flex-wrap items-center gap-6">
          <Link to="/agreements/new" className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
            {t("agreements.new")}
          </Link>
          <Link to="/agreements/import" className="text-blue-1000 underline">
            {t("agreements.import.link")}
          </Link>
          <Link to="/desk/approval-chain" className="text-blue-1000 underline">
            {t("agreements.approvalChain.link")}
          </Link>
        </p>
      ) : null}
      <StatusSearch
        schema={agreementListInput}
        params={params}
        statuses={agreementStatuses.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
      />
      <AgreementExportLinks params={params} />
      <p role="status" className="mb-2">
        {t("directory.results", { count: format.number(total) })}
      </p>
      <AgreementTable items={items} />
      <MoreLink params={params} cursor={nextCursor} />
    </>
  );
}
