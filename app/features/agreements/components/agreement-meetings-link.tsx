// The way to the agreement's meetings (agenda, minutes, action items), with
// the next meeting and the action items still open: a partnership that has
// stopped meeting shows it here (形骸化).
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Tag } from "~/ui/home";
import { Section } from "~/ui/layout";
import type { AgreementDetail } from "../schema";

export function AgreementMeetingsLink({
  agreement: a,
  meetings,
}: {
  agreement: AgreementDetail;
  meetings: { next: { id: string; title: string; startsAt: string } | null; openItems: number; overdueItems: number };
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Section title={t("meetings.title")}>
      <p data-testid="next-meeting">
        {meetings.next ? (
          <>
            {t("agreements.meetings.next")}{" "}
            <Link to={`/meetings/${meetings.next.id}`} className="text-blue-1000 underline">
              {meetings.next.title}
            </Link>
            （{format.dateTime(meetings.next.startsAt)}）
          </>
        ) : (
          t("agreements.meetings.noneAhead")
        )}
      </p>
      <p className="flex flex-wrap gap-2">
        <Tag>{t("agreements.meetings.openItems", { count: meetings.openItems })}</Tag>
        {meetings.overdueItems > 0 ? (
          <Tag tone="alert">{t("agreements.meetings.overdueItems", { count: meetings.overdueItems })}</Tag>
        ) : null}
      </p>
      <p>
        <Link
          to={`/agreements/${a.id}/meetings`}
          className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
        >
          {t("agreements.meetings.all")}
        </Link>
      </p>
    </Section>
  );
}
