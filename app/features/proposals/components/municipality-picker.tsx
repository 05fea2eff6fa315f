// The first step of a free proposal: which municipality it goes to. A search
// by name, kana or 団体コード among the municipalities on the platform, sent as
// GET, with links that carry the choice: no JavaScript needed (issue 20).
import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Notice, Section } from "~/ui/layout";
import { MunicipalitySearch } from "~/features/directory/components/municipality-search";

export function MunicipalityPicker(props: {
  q: string;
  /** A municipality asked for in the link that does not take proposals here. */
  unavailable: string | null;
  total: number;
  items: { code: string; fullName: string; nameKana: string }[];
}) {
  const t = useT();
  const format = useFormat();
  return (
    <Section title={t("proposals.picker.title")}>
      {props.unavailable ? <Notice kind="error">{t("proposals.picker.unavailable", { name: props.unavailable })}</Notice> : null}
      <MunicipalitySearch label={t("proposals.picker.search")} hint={t("proposals.picker.hint")} defaultValue={props.q} />
      <p role="status">{t("directory.results", { count: format.number(props.total) })}</p>
      {props.items.length === 0 ? (
        <p>{t("proposals.picker.none")}</p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-solid-gray-200 border-y border-solid-gray-200"
          aria-label={t("proposals.picker.title")}
        >
          {props.items.map((m) => (
            <li key={m.code} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
              <span>
                <span className="text-std-16B-170">{m.fullName}</span>
                <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
                  {m.nameKana}／{m.code}
                </span>
              </span>
              <Link
                to={`/proposals/new?municipality=${m.code}`}
                className="rounded-8 border border-blue-900 px-3 py-1 text-std-16B-170 text-blue-900 underline"
                aria-label={t("proposals.picker.chooseNamed", { name: m.fullName })}
              >
                {t("proposals.picker.choose")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="text-dns-16N-130 text-solid-gray-700">{t("proposals.picker.notListed")}</p>
    </Section>
  );
}
