// The way to the agreement's meetings (agenda, minutes, action items).
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import type { AgreementDetail } from "../schema";

export function AgreementMeetingsLink({ agreement: a }: { agreement: AgreementDetail }) {
  const t = useT();
  return (
    <p className="mb-10">
      <Link
        to={`/agreements/${a.id}/meetings`}
        className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
      >
        {t("meetings.title")}
      </Link>
    </p>
  );
}
