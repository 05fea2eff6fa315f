import { Link } from "react-router";
import type { Route } from "./+types/proposals";
import { isAppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { useFormat } from "~/ui/format";
import { useT } from "~/ui/i18n";
import { MoreLink, PageHeader } from "~/ui/layout";
import { StatusSearch } from "~/ui/status-search";
import { requirePageScope } from "~/server/context.server";
import { countProposalsByStatus, listProposals } from "~/features/proposals/data.server";
import { proposalListInput, proposalStatuses, waitingStatuses } from "~/features/proposals/schema";
import { proposalListView } from "~/features/proposals/policy";
import { InboxTabs, ProposalTable, proposalRow } from "~/features/proposals/components/proposal-table";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  const view = proposalListView(ctx.scope);
  // The desk's inbox opens on what awaits its answer, oldest first; "all" (?show=all) and any search show everything.
  const query = view === "inbox" && Object.keys(params).length === 0 ? { queue: "waiting" } : params;
  const counts = await countProposalsByStatus(ctx);
  try {
    const { items, total, nextCursor } = await listProposals(ctx, parseInput(proposalListInput, query));
    return { view, params: query, counts, items: items.map(proposalRow), total, nextCursor };
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation") throw error;
    return { view, params: query, counts, items: [], total: 0, nextCursor: null };
  }
}

export default function Proposals({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { view, params, counts, items, total, nextCursor } = loaderData;
  const title = t(view === "inbox" ? "proposals.inbox.title" : view === "shared" ? "proposals.shared.title" : "proposals.mine.title");
  const lead = t(view === "inbox" ? "proposals.inbox.lead" : view === "shared" ? "proposals.shared.lead" : "proposals.mine.lead");
  return (
    <>
      <PageHeader title={title} crumbs={[{ label: title }]} lead={lead} />
      {view === "mine" ? (
        <p className="mb-6 flex flex-wrap gap-4">
          <Link to="/proposals/new" className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
            {t("proposals.new")}
          </Link>
          <Link to="/themes" className="inline-block px-4 py-3 text-std-16B-170 text-blue-1000 underline">
            {t("nav.themes")}
          </Link>
        </p>
      ) : null}
      {view === "inbox" ? (
        <InboxTabs waiting={params.queue === "waiting"} count={waitingStatuses.reduce((n, s) => n + (counts[s] ?? 0), 0)} />
      ) : null}
      <ul className="mb-6 flex flex-wrap gap-2" aria-label={t("proposals.filter.status")}>
        {proposalStatuses
          .filter((s) => counts[s])
          .map((s) => (
            <li key={s}>
              <Link
                to={`?status=${s}`}
                className="inline-block rounded-8 border border-solid-gray-300 px-3 py-1 text-dns-16N-130 text-blue-1000 underline"
                data-testid={`count-${s}`}
              >
                {t("proposals.count", { status: t(`proposals.status.${s}`), count: format.number(counts[s] ?? 0) })}
              </Link>
            </li>
          ))}
      </ul>
      <StatusSearch
        schema={proposalListInput}
        params={params}
        statuses={proposalStatuses.map((s) => ({ value: s, label: t(`proposals.status.${s}`) }))}
      />
      <p role="status" className="mb-2">
        {t("directory.results", { count: format.number(total) })}
      </p>
      <ProposalTable items={items} caption={title} view={view} />
      <MoreLink params={params} cursor={nextCursor} />
    </>
  );
}
