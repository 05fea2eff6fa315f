// The meetings of one agreement: upcoming and past meetings with their
// calendar files, and (for the owning desk) the form that schedules one.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { DataTable, Section } from "~/ui/layout";
import type { MeetingList, MeetingSummary } from "../schema";
import { MeetingForm } from "./meeting-form";

function MeetingTable({ caption, meetings }: { caption: string; meetings: MeetingSummary[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      caption={caption}
      head={[
        t("meetings.field.startsAt"),
        t("meetings.field.kind"),
        t("meetings.field.title"),
        t("meetings.field.place"),
        t("meetings.actionItems.open"),
        "",
      ]}
      rows={meetings.map((m) => [
        format.meeting(m.startsAt, m.endsAt),
        t(`meetings.kind.${m.kind}`),
        <Link key="title" to={`/meetings/${m.id}`} className="text-blue-1000 underline">
          {m.title}
        </Link>,
        [m.place, m.onlineUrl ? t("meetings.online") : ""].filter(Boolean).join("／") || "—",
        m.overdueActionItems > 0
          ? t("meetings.actionItems.openWithOverdue", { open: m.openActionItems, overdue: m.overdueActionItems })
          : String(m.openActionItems),
        // A resource route: a full request, not a client-side navigation.
        <a
          key="ics"
          href={`/meetings/${m.id}/meeting.ics`}
          className="text-blue-1000 underline"
          aria-label={`${t("meetings.ics")}: ${m.title}`}
        >
          {t("meetings.ics")}
        </a>,
      ])}
    />
  );
}

export function MeetingsSection({ list, now, result }: { list: MeetingList; now: number; result?: unknown }) {
  const t = useT();
  const upcoming = list.meetings.filter((m) => Date.parse(m.endsAt) >= now);
  const past = list.meetings.filter((m) => Date.parse(m.endsAt) < now).reverse();
  return (
    <div data-testid="meetings-section">
      <p className="mb-6 text-std-16N-170">{t("meetings.lead")}</p>
      <Section title={t("meetings.upcoming")}>
        {upcoming.length === 0 ? (
          <p>{t("meetings.upcoming.none")}</p>
        ) : (
          <MeetingTable caption={t("meetings.upcoming")} meetings={upcoming} />
        )}
      </Section>
      <Section title={t("meetings.past")}>
        {past.length === 0 ? <p>{t("meetings.past.none")}</p> : <MeetingTable caption={t("meetings.past")} meetings={past} />}
      </Section>
      {list.can.create ? (
        <Section title={t("meetings.new")}>
          <MeetingForm intent="create" result={result} submitLabel={t("meetings.create")} />
        </Section>
      ) : null}
      <p>
        <Link to="/calendar" className="text-blue-1000 underline">
          {t("meetings.calendarFeed.link")}
        </Link>
      </p>
    </div>
  );
}
