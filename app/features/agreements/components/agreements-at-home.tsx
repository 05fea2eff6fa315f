// The agreements on a home page: those ending or reaching the deadline to
// object to their automatic renewal (soonest first), those in force, and a
// department's own items.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { HomeRow, HomeSection, Tag } from "~/ui/home";
import { tokyoIsoDate } from "~/lib/wareki";
import type { AgreementsAtHome } from "../schema";
import { daysBetween } from "../register/term";

const daysUntil = (day: string) => daysBetween(tokyoIsoDate(), day);

export function AgreementsNeedingAttention({ data }: { data: AgreementsAtHome }) {
  const t = useT();
  const format = useFormat();
  return (
    <HomeSection
      id="agreements-ending"
      title={t("home.agreements.ending")}
      empty={t("home.agreements.ending.none")}
      more={{ to: "/agreements?attention=ending", total: data.attentionTotal, shown: data.attention.length }}
    >
      {data.attention.map((a) => (
        <HomeRow
          key={a.id}
          to={`/agreements/${a.id}`}
          title={a.title}
          badge={
            <>
              <Tag>{t(`agreements.status.${a.status}`)}</Tag>
              {a.dueOn && a.due ? (
                <Tag tone={daysUntil(a.dueOn) <= 30 ? "alert" : undefined}>
                  {t(a.due === "end" ? "home.agreements.endsIn" : "home.agreements.objectionIn", { days: daysUntil(a.dueOn) })}
                </Tag>
              ) : null}
              {a.objectionPassed ? <Tag>{t("home.agreements.objectionPassed")}</Tag> : null}
            </>
          }
          detail={`${format.list(a.partnerNames)}／${a.dueOn ? format.date(a.dueOn) : format.dateRange(a.startsOn, a.endsOn)}`}
        />
      ))}
    </HomeSection>
  );
}

export function AgreementsInForce({ data }: { data: AgreementsAtHome }) {
  const t = useT();
  const format = useFormat();
  return (
    <HomeSection
      id="agreements"
      title={t("home.agreements.inForce")}
      empty={t("home.agreements.inForce.none")}
      more={{ to: "/agreements", total: data.inForceTotal, shown: data.inForce.length }}
    >
      {data.inForce.map((a) => (
        <HomeRow
          key={a.id}
          to={`/agreements/${a.id}`}
          title={a.title}
          badge={<Tag>{t(`agreements.status.${a.status}`)}</Tag>}
          detail={`${format.list(a.partnerNames)}／${format.dateRange(a.startsOn, a.endsOn)}`}
        />
      ))}
    </HomeSection>
  );
}

export function DepartmentItems({ data }: { data: AgreementsAtHome }) {
  const t = useT();
  return (
    <HomeSection id="department-items" title={t("home.agreements.departmentItems")} empty={t("home.agreements.departmentItems.none")}>
      {data.departmentItems.map((i) => (
        <HomeRow
          key={i.id}
          to={`/agreements/${i.agreementId}`}
          title={i.title}
          badge={<Tag>{t.label("field", i.field)}</Tag>}
          detail={i.agreementTitle}
        />
      ))}
    </HomeSection>
  );
}
