// What the meeting was about and what came of it: agenda, attendees, minutes,
// decisions (each marked when not recorded yet).
import { useT } from "~/ui/i18n";
import { Section } from "~/ui/layout";
import type { MeetingDetail } from "../schema";

function Text({ value }: { value: string }) {
  const t = useT();
  return value ? <p className="whitespace-pre-wrap">{value}</p> : <p className="text-solid-gray-700">{t("meetings.notRecorded")}</p>;
}

export function MeetingRecord({ meeting: m }: { meeting: MeetingDetail }) {
  const t = useT();
  return (
    <>
      <Section title={t("meetings.field.agenda")}>
        <Text value={m.agenda} />
      </Section>
      <Section title={t("meetings.field.attendees")}>
        <Text value={m.attendees} />
      </Section>
      <Section title={t("meetings.field.minutes")}>
        <Text value={m.minutes} />
      </Section>
      <Section title={t("meetings.field.decisions")}>
        <Text value={m.decisions} />
      </Section>
    </>
  );
}
