// The top of a meeting page: title and breadcrumbs, kind and time, place,
// online link, agreement, and the calendar file.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { MeetingDetail } from "../schema";

export function MeetingHeader({ meeting: m }: { meeting: MeetingDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={m.title}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: m.agreementTitle, to: `/agreements/${m.agreementId}` },
          { label: t("meetings.title"), to: `/agreements/${m.agreementId}/meetings` },
          { label: m.title },
        ]}
        lead={`${t(`meetings.kind.${m.kind}`)}／${format.meeting(m.startsAt, m.endsAt)}`}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="text-std-16B-170">{t("meetings.field.place")}</dt>
        <dd>{m.place || "—"}</dd>
        <dt className="text-std-16B-170">{t("meetings.field.onlineUrl")}</dt>
        <dd>
          {m.onlineUrl ? (
            <a href={m.onlineUrl} className="break-all text-blue-1000 underline" rel="noopener noreferrer" target="_blank">
              {m.onlineUrl}
            </a>
          ) : (
            "—"
          )}
        </dd>
        <dt className="text-std-16B-170">{t("meetings.field.agreement")}</dt>
        <dd>
          <Link to={`/agreements/${m.agreementId}`} className="text-blue-1000 underline">
            {m.agreementTitle}
          </Link>
        </dd>
      </dl>
      <p className="mb-8">
        {/* A resource route: a full request, not a client-side navigation. */}
        <a
          href={`/meetings/${m.id}/meeting.ics`}
          className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
          data-testid="meeting-ics"
        >
          {t("meetings.ics.download")}
        </a>
      </p>
    </>
  );
}
