// The next meetings on a home page, with their agreement and open action items.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { HomeRow, HomeSection, Tag } from "~/ui/home";
import type { MeetingsAtHome } from "../schema";

export function NextMeetings({ data }: { data: MeetingsAtHome }) {
  const t = useT();
  const format = useFormat();
  return (
    <HomeSection id="meetings" title={t("home.meetings.next")} empty={t("home.meetings.next.none")}>
      {data.next.map((m) => (
        <HomeRow
          key={m.id}
          to={`/meetings/${m.id}`}
          title={m.title}
          badge={
            <>
              <Tag>{t(`meetings.kind.${m.kind}`)}</Tag>
              {m.openActionItems > 0 ? <Tag>{t("home.meetings.openItems", { count: m.openActionItems })}</Tag> : null}
            </>
          }
          detail={`${format.meeting(m.startsAt, m.endsAt)}${m.place ? `／${m.place}` : ""}／${m.agreementTitle}`}
        />
      ))}
    </HomeSection>
  );
}
