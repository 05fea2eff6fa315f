import { Link } from "react-router";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import type { ThemeSummary } from "../schema";

/** A theme in a list: title, place, fields, deadline in 和暦. */
export function ThemeCard({ theme, href }: { theme: ThemeSummary; href: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="rounded-8 border border-solid-gray-300 p-4">
      <h2 className="text-std-20B-150">
        <Link to={href} className="text-blue-1000 underline">
          {theme.title}
        </Link>
      </h2>
      <p className="mt-1 text-std-16N-170">
        {theme.municipalityName}
        {theme.departmentName ? `　${theme.departmentName}` : ""}
      </p>
      <p className="mt-1 flex flex-wrap gap-2 text-dns-14N-130">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-blue-1000">{t(`themes.status.${theme.status}`)}</span>
        {theme.fields.map((f) => (
          <span key={f} className="rounded-4 bg-solid-gray-50 px-2 py-1">
            {t.label("field", f)}
          </span>
        ))}
      </p>
      <p className="mt-2 text-std-16N-170">
        {theme.deadline ? t("themes.deadline", { date: format.officialDate(theme.deadline) }) : t("themes.noDeadline")}
      </p>
    </li>
  );
}
