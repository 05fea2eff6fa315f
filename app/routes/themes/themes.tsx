import { Link } from "react-router";
import type { Route } from "./+types/themes";
import { isAppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { MoreLink, PageHeader } from "~/ui/layout";
import { publicContext } from "~/server/context.server";
import { prefectureOptions } from "~/server/prefectures.server";
import { themeListInput } from "~/features/themes/schema";
import { listPublicThemes } from "~/features/themes/data.server";
import { ThemeCard } from "~/features/themes/components/theme-card";
import { ThemeFilter } from "~/features/themes/components/theme-filter";
import { PublicAgreementList } from "~/features/agreements/components/public-agreement-list";
import { PublishedProposalList } from "~/features/proposals/components/published-proposal-list";
import { getLocalGovernment } from "~/features/directory/data.server";
import { listPublishedProposals } from "~/features/proposals/data.server";
import { listPublicAgreements } from "~/features/agreements/register/data.server";
import { useFormat } from "~/ui/format";

/** National list at /themes; one municipality's list at /municipalities/:code/themes. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = publicContext(args);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  const code = args.params.code;
  const place = code ? await getLocalGovernment(ctx, code) : null;
  if (code && !place) throw new Response(null, { status: 404 });
  const query = code ? { ...params, municipality: code } : params;
  const [prefectures, published, agreements] = await Promise.all([
    prefectureOptions(ctx),
    code ? listPublishedProposals(ctx, { localGovCode: code, limit: 20 }) : Promise.resolve([]),
    code ? listPublicAgreements(ctx, { localGovCode: code, limit: 50 }) : Promise.resolve([]),
  ]);
  try {
    return { params, place, prefectures, published, agreements, ...(await listPublicThemes(ctx, parseInput(themeListInput, query))) };
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation") throw error;
    return { params, place, prefectures, published, agreements, items: [], total: 0, nextCursor: null };
  }
}

export default function Themes({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { params, place, items, total, nextCursor, prefectures, published, agreements } = loaderData;
  const title = place ? `${place.fullName} — ${t("themes.title")}` : t("themes.title");
  return (
    <>
      <PageHeader
        title={title}
        crumbs={place ? [{ label: t("themes.title"), to: "/themes" }, { label: place.fullName }] : [{ label: t("themes.title") }]}
        lead={place ? t("themes.municipality.lead", { name: place.fullName }) : t("themes.public.lead")}
      />
      {place?.onPlatform ? (
        <p className="mb-6">
          <Link
            to={`/proposals/new?municipality=${place.code}`}
            className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline"
          >
            {t("themes.municipality.propose", { name: place.fullName })}
          </Link>
        </p>
      ) : null}
      <ThemeFilter params={params} prefectures={prefectures} national={!place} />
      <p role="status" className="mb-4">
        {t("directory.results", { count: format.number(total) })}
      </p>
      {items.length === 0 ? (
        <p>{t("themes.none")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {items.map((theme) => (
            <ThemeCard key={theme.id} theme={theme} href={`/themes/${theme.id}`} />
          ))}
        </ul>
      )}
      <PublicAgreementList agreements={agreements} />
      <PublishedProposalList published={published} />
      <MoreLink params={params} cursor={nextCursor} />
    </>
  );
}
