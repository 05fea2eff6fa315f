import { Link } from "react-router";
import type { Route } from "./+types/municipalities";
import { isAppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { DataTable, PageHeader } from "~/ui/layout";
import { Tag } from "~/ui/home";
import { publicContext } from "~/server/context.server";
import { municipalitySearchInput } from "~/features/directory/schema";
import { searchLocalGovernments } from "~/features/directory/data.server";
import { MunicipalitySearch } from "~/features/directory/components/municipality-search";

export async function loader(args: Route.LoaderArgs) {
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  try {
    const input = parseInput(municipalitySearchInput, { ...params, limit: "50" });
    const result = await searchLocalGovernments(publicContext(args), input);
    return { q: params.q ?? "", ...result };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { q: params.q ?? "", items: [], total: 0, nextCursor: null };
  }
}

export default function Municipalities({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { q, items, total, nextCursor } = loaderData;
  return (
    <>
      <PageHeader title={t("directory.title")} crumbs={[{ label: t("directory.title") }]} />
      <MunicipalitySearch label={t("directory.search")} hint={t("directory.search.hint")} defaultValue={q} className="mb-6" />
      <p className="mb-2 text-std-16N-170" role="status">
        {t("directory.results", { count: format.number(total) })}
      </p>
      {items.length === 0 ? (
        <p>{t("directory.none")}</p>
      ) : (
        <DataTable
          caption={t("directory.title")}
          head={[t("directory.name"), t("directory.code"), t("directory.kana"), t("directory.kind")]}
          rows={items.map((m) => [
            <span key="n" className="flex flex-wrap items-baseline gap-2">
              <Link to={`/municipalities/${m.code}/themes`} className="text-blue-1000 underline">
                {m.fullName}
              </Link>
              {m.onPlatform ? <Tag>{t("directory.onPlatform")}</Tag> : null}
            </span>,
            m.code,
            m.nameKana,
            t(`directory.kind.${m.kind}`),
          ])}
        />
      )}
      {nextCursor ? (
        <p className="mt-4">
          <Link to={`?q=${encodeURIComponent(q)}&cursor=${nextCursor}`} className="text-blue-1000 underline">
            {t("audit.more")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
