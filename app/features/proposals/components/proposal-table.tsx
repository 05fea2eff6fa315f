// A list of proposals: title (kind, theme), the other side, status, and when
// submitted with how many days ago (or when a draft was last saved).
import { Link } from "react-router";
import { tokyoIsoDate } from "~/lib/wareki";
import { useT } from "~/ui/i18n";
import { DataTable } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { ProposalSummary } from "../schema";

const daysSince = (iso: string) =>
  Math.max(
    0,
    Math.floor((Date.parse(`${tokyoIsoDate()}T00:00:00Z`) - Date.parse(`${tokyoIsoDate(new Date(iso))}T00:00:00Z`)) / 86_400_000),
  );

/** What a row shows: the page's loader sends only this to the browser (issue 19: less data embedded in every page). */
export type ProposalRow = Pick<
  ProposalSummary,
  "id" | "title" | "kind" | "themeTitle" | "municipalityName" | "proposerName" | "status" | "submittedAt" | "updatedAt"
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
          ? `${format.date(p.submittedAt)}（${t("proposals.age", { days: daysSince(p.submittedAt) })}）`
          : t("proposals.draftAge", { date: format.date(p.updatedAt) }),
      ])}
    />
  );
}
