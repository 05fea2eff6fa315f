// The agreement register: title (method, missing secondary contact), partners,
// status and term.
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { DataTable } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import type { AgreementSummary } from "../schema";

/** What a row shows: the page's loader sends only this to the browser (issue 19: less data embedded in every page). */
export type AgreementRow = Pick<
  AgreementSummary,
  "id" | "title" | "method" | "status" | "missingSecondary" | "partnerNames" | "startsOn" | "endsOn"
>;

export const agreementRow = (a: AgreementSummary): AgreementRow => ({
  id: a.id,
  title: a.title,
  method: a.method,
  status: a.status,
  missingSecondary: a.missingSecondary,
  partnerNames: a.partnerNames,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
});

export function AgreementTable({ items }: { items: AgreementRow[] }) {
  const t = useT();
  const format = useFormat();
  return items.length === 0 ? (
    <p>{t("agreements.none")}</p>
  ) : (
    <DataTable
      caption={t("agreements.title")}
      head={[t("agreements.field.title"), t("agreements.field.partners"), t("proposals.filter.status"), t("agreements.term")]}
      rows={items.map((a) => [
        <span key="t">
          <Link to={`/agreements/${a.id}`} className="text-blue-1000 underline">
            {a.title}
          </Link>
          <span className="block text-dns-14N-130 text-solid-gray-700">
            {t(`proposals.method.${a.method}`)}
            {a.missingSecondary && !["draft", "ended", "terminated"].includes(a.status) ? (
              <span className="ml-2 rounded-4 bg-error-1 px-1 text-white">{t("agreements.flag.missingSecondary")}</span>
            ) : null}
          </span>
        </span>,
        format.list(a.partnerNames),
        t(`agreements.status.${a.status}`),
        a.startsOn || a.endsOn ? format.dateRange(a.startsOn, a.endsOn) : "—",
      ])}
    />
  );
}
