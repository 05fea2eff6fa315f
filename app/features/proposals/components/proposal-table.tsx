// A list of proposals: title (kind, theme), the other side, status, and when
// submitted with how many days ago (or when a draft was last saved).
import { Link } from "react-router";
import { tokyoIsoDate } from "~/lib/wareki";
import { useT } from "~/ui/i18n";
import { DataTable } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { closedStatuses, type ProposalSummary } from "../schema";

const dayOf = (iso: string) => Date.parse(`${tokyoIsoDate(new Date(iso))}T00:00:00Z`);

/** Declined, withdrawn or closed: nothing more happens to it. */
const ended = (p: Pick<ProposalSummary, "status">) => (closedStatuses as readonly string[]).includes(p.status);

/**
 * Days since the proposal arrived, counted in Tokyo calendar days; for one
 * whose journey has ended, the days it took (the count stops at the end).
 */
export function proposalAge(p: Pick<ProposalSummary, "status" | "submittedAt" | "decidedAt">, now = new Date()): number | null {
  if (!p.submittedAt) return null;
  const until = ended(p) && p.decidedAt ? dayOf(p.decidedAt) : dayOf(now.toISOString());
  return Math.max(0, Math.floor((until - dayOf(p.submittedAt)) / 86_400_000));
}

/** What a row shows: the page's loader sends only this to the browser (issue 19: less data embedded in every page). */
export type ProposalRow = Pick<
  ProposalSummary,
  "id" | "title" | "kind" | "themeTitle" | "municipalityName" | "proposerName" | "status" | "submittedAt" | "decidedAt" | "updatedAt"
>;

export const proposalRow = (p: ProposalSummary): ProposalRow => ({
  id: p.id,
  title: p.title,
  kind: p.kind,
  themeTitle: p.themeTitle,
  municipalityName: p.municipalityName,
  proposerName: p.proposerName,
  status: p.status,
  submittedAt: p.submittedAt,
  decidedAt: p.decidedAt,
  updatedAt: p.updatedAt,
});

export function ProposalTable({
  items,
  caption,
  view,
}: {
  items: ProposalRow[];
  caption: string;
  /** "mine" shows the municipality, the city's views the proposer. */
  view: string;
}) {
  const t = useT();
  const format = useFormat();
  return items.length === 0 ? (
    <p>{t("proposals.none")}</p>
  ) : (
    <DataTable
      caption={caption}
      head={[
        t("proposals.field.title"),
        view === "mine" ? t("proposals.municipality") : t("proposals.proposer"),
        t("proposals.filter.status"),
        t("proposals.submittedAt"),
      ]}
      rows={items.map((p) => [
        <span key="t">
          <Link to={`/proposals/${p.id}`} className="text-blue-1000 underline">
            {p.title || t("proposals.status.draft")}
          </Link>
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {t(`proposals.kind.${p.kind}`)}
            {p.themeTitle ? `：${p.themeTitle}` : ""}
          </span>
        </span>,
        view === "mine" ? p.municipalityName : p.proposerName,
        t(`proposals.status.${p.status}`),
        p.submittedAt
          ? `${format.date(p.submittedAt)}（${t(ended(p) ? "proposals.ageEnded" : "proposals.age", { days: proposalAge(p) ?? 0 })}）`
          : t("proposals.draftAge", { date: format.date(p.updatedAt) }),
      ])}
    />
  );
}

/** The inbox's two views: what awaits the desk's answer (oldest first), and everything. */
export function InboxTabs({ waiting, count }: { waiting: boolean; count: number }) {
  const t = useT();
  const format = useFormat();
  const tab = (to: string, label: string, current: boolean) => (
    <Link
      to={to}
      aria-current={current ? "page" : undefined}
      className={`inline-block border-b-4 px-4 py-2 text-std-16B-170 underline ${current ? "border-blue-900 text-solid-gray-900" : "border-transparent text-blue-1000"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label={t("proposals.inbox.views")} className="mb-6 flex gap-2 border-b border-solid-gray-300">
      {tab("?queue=waiting", t("proposals.inbox.waiting", { count: format.number(count) }), waiting)}
      {tab("?show=all", t("proposals.inbox.all"), !waiting)}
    </nav>
  );
}
