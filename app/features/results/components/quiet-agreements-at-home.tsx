// The desk's home opens with its agreements going quiet: worst score first,
// each with the factor that costs it most (issue 21).
import { useT } from "~/ui/i18n";
import { HomeRow, HomeSection } from "~/ui/home";
import type { QuietAgreement } from "../schema";
import { QUIET_BELOW } from "../health/factors";
import { HealthBadge } from "./health-section";

export function QuietAgreementsAtHome({ data }: { data: { items: QuietAgreement[]; total: number } }) {
  const t = useT();
  return (
    <HomeSection
      id="quiet-agreements"
      title={t("results.health.quiet.title")}
      empty={t("results.health.quiet.none")}
      more={{ to: `/agreements?health=below:${QUIET_BELOW}`, total: data.total, shown: data.items.length }}
    >
      {data.items.map((a) => (
        <HomeRow
          key={a.agreementId}
          to={`/agreements/${a.agreementId}/health`}
          title={a.title}
          badge={<HealthBadge score={a.score} />}
          detail={a.topReason ? t("results.health.topReason", { reason: t(`results.health.${a.topReason}.label`) }) : undefined}
        />
      ))}
    </HomeSection>
  );
}
