// Which units of the city opened the proposal, how often and when last.
import { useT } from "~/ui/i18n";
import { Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AccessLogEntry, ProposalDetail } from "../schema";

export function ProposalAccessLog({ proposal: p, accessLog }: { proposal: ProposalDetail; accessLog: AccessLogEntry[] }) {
  const t = useT();
  const format = useFormat();
  if (!(p.can.seeAccessLog && p.status !== "draft")) return null;
  return (
    <Section title={t("proposals.access.title")}>
      <p>{t("proposals.access.lead")}</p>
      {accessLog.length === 0 ? (
        <p>{t("proposals.access.none")}</p>
      ) : (
        <ul className="list-disc pl-6" data-testid="access-log">
          {accessLog.map((a) => (
            <li key={a.unit + a.role}>
              {t("proposals.access.entry", {
                unit: a.unit,
                role: t.label("role", a.role),
                views: a.views,
                at: format.dateTime(a.lastViewedAt),
              })}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
