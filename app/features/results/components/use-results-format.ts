// How results read: a KPI's period ("令和8年5月", "令和8年度 第1四半期"), a
// figure with its unit, a fiscal year — in the active locale.
import { formatFiscalYear } from "~/lib/fiscal-year";
import { formatWarekiYear, toWareki } from "~/lib/wareki";
import { useLocale, useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import type { KpiFrequency } from "../constants";
import { fiscalQuarterOf, fiscalYearOfPeriod } from "../periods";

const monthEn = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

export function useResultsFormat() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const fiscalYear = (fy: number) => (locale === "ja" ? formatFiscalYear(fy) : `FY${fy}`);
  return {
    fiscalYear,
    period(start: string, frequency: KpiFrequency) {
      const fy = fiscalYearOfPeriod(start);
      if (frequency === "yearly") return t("results.period.yearly", { fiscalYear: fiscalYear(fy) });
      if (frequency === "quarterly") return t("results.period.quarterly", { fiscalYear: fiscalYear(fy), quarter: fiscalQuarterOf(start) });
      const month = Number(start.slice(5, 7));
      return locale === "ja" ? `${formatWarekiYear(toWareki(start))}${month}月` : monthEn.format(new Date(`${start}T00:00:00Z`));
    },
    figure: (value: number, unit: string) => t("results.kpi.valueWithUnit", { value: format.number(value), unit }),
  };
}
