// A project's KPIs in a table: the latest figure against the target, the
// standing, and a figure that is due and missing.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { DataTable } from "~/ui/layout";
import { Tag } from "~/ui/home";
import type { KpiSummary } from "../schema";
import { useResultsFormat } from "./use-results-format";

export function StandingTag({ kpi }: { kpi: Pick<KpiSummary, "standing"> }) {
  const t = useT();
  return <Tag tone={kpi.standing === "behind" ? "alert" : undefined}>{t(`results.standing.${kpi.standing}`)}</Tag>;
}

export function KpiTable({ caption, kpis }: { caption: string; kpis: KpiSummary[] }) {
  const t = useT();
  const format = useFormat();
  const results = useResultsFormat();
  return (
    <DataTable
      caption={caption}
      head={[t("results.kpi.name"), t("results.kpi.latest"), t("results.kpi.target"), t("results.kpi.standing")]}
      rows={kpis.map((k) => [
        <span key="name" className="flex flex-wrap items-baseline gap-2">
          <Link to={`/kpis/${k.id}`} className="text-blue-1000 underline">
            {k.name}
          </Link>
          {k.isPublic ? <Tag>{t("results.kpi.public")}</Tag> : null}
        </span>,
        k.latest ? (
          <span key="latest">
            {results.figure(k.latest.value, k.unit)}
            <span className="block text-dns-14N-130 text-solid-gray-700">{results.period(k.latest.periodStart, k.frequency)}</span>
          </span>
        ) : (
          t("results.kpi.noFigure")
        ),
        t("results.kpi.targetBy", { value: results.figure(k.targetValue, k.unit), date: format.date(k.targetOn) }),
        <span key="standing" className="flex flex-wrap gap-2">
          <StandingTag kpi={k} />
          {k.overduePeriod ? (
            <Tag tone="alert">{t("results.kpi.overdue", { period: results.period(k.overduePeriod, k.frequency) })}</Tag>
          ) : null}
        </span>,
      ])}
    />
  );
}
