// A KPI's definition at the top of its page: what is counted and how, from
// which baseline to which target by when, how often, from where and by whom.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Tag } from "~/ui/home";
import type { KpiDetail } from "../schema";
import { StandingTag } from "./kpi-table";
import { useResultsFormat } from "./use-results-format";

export function KpiFacts({ kpi: k }: { kpi: KpiDetail }) {
  const t = useT();
  const format = useFormat();
  const results = useResultsFormat();
  return (
    <dl className="mb-10 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]" data-testid="kpi-facts">
      <dt className="text-std-16B-170">{t("results.kpi.standing")}</dt>
      <dd className="flex flex-wrap gap-2">
        <StandingTag kpi={k} />
        {k.overduePeriod ? (
          <Tag tone="alert">{t("results.kpi.overdue", { period: results.period(k.overduePeriod, k.frequency) })}</Tag>
        ) : null}
        {k.isPublic ? <Tag>{t("results.kpi.public")}</Tag> : null}
      </dd>
      <dt className="text-std-16B-170">{t("results.kpi.latest")}</dt>
      <dd>
        {k.latest
          ? `${results.figure(k.latest.value, k.unit)}（${results.period(k.latest.periodStart, k.frequency)}）`
          : t("results.kpi.noFigure")}
      </dd>
      <dt className="text-std-16B-170">{t("results.kpi.target")}</dt>
      <dd>{t("results.kpi.targetBy", { value: results.figure(k.targetValue, k.unit), date: format.date(k.targetOn) })}</dd>
      <dt className="text-std-16B-170">{t("results.kpi.baseline")}</dt>
      <dd>{t("results.kpi.baselineAt", { value: results.figure(k.baselineValue, k.unit), date: format.date(k.baselineOn) })}</dd>
      <dt className="text-std-16B-170">{t("results.kpi.direction")}</dt>
      <dd>{t(`results.kpi.direction.${k.direction}`)}</dd>
      <dt className="text-std-16B-170">{t("results.kpi.definition")}</dt>
      <dd className="whitespace-pre-wrap">{k.definition}</dd>
      <dt className="text-std-16B-170">{t("results.kpi.frequency")}</dt>
      <dd>{t(`results.kpi.frequency.${k.frequency}`)}</dd>
      <dt className="text-std-16B-170">{t("results.kpi.dataSource")}</dt>
      <dd>{k.dataSource}</dd>
      <dt className="text-std-16B-170">{t("results.kpi.ownerName")}</dt>
      <dd>{k.ownerName}</dd>
    </dl>
  );
}
