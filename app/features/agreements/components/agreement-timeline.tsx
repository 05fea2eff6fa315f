// The status changes of an agreement, oldest first, with who made them.
import { useT } from "~/ui/i18n";
import { Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AgreementDetail } from "../schema";

export function AgreementTimeline({ agreement: a }: { agreement: AgreementDetail }) {
  const t = useT();
  const format = useFormat();
  return (
    <Section title={t("proposals.timeline")}>
      <ol className="flex flex-col gap-3 border-l-4 border-blue-200 pl-4" data-testid="agreement-timeline">
        {a.timeline.map((e) => (
          <li key={e.at + e.toStatus}>
            <p className="text-std-16B-170">{t.label("agreements.status", e.toStatus)}</p>
            <p className="text-dns-14N-130 text-solid-gray-700">
              {format.dateTime(e.at)}　{e.actorName ?? ""}
            </p>
            {e.note ? <p className="whitespace-pre-wrap">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
