import { Form } from "react-router";
import type { Route } from "./+types/themes";
import { isAppError } from "~/lib/errors";
import { policyFieldCodes } from "~/lib/policy-fields";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { SelectField, TextField } from "~/ui/form";
import { MoreLink, PageHeader } from "~/ui/layout";
import { publicContext } from "~/server/context.server";
import { prefectureOptions } from "~/server/prefectures.server";
import { themeListInput } from "~/features/themes/schema";
import { listPublicThemes } from "~/features/themes/data.server";
import { ThemeCard } from "~/features/themes/components/theme-card";
import { getLocalGovernment } from "~/features/directory/data.server";
import { listPublishedProposals } from "~/features/proposals/data.server";
import { listPublicAgreements } from "~/features/agreements/data.server";
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
      <Form
        method="get"
        role="search"
        aria-label={t("themes.filter")}
        className="mb-8 grid items-end gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-3"
      >
        <TextField name="q" type="search" label={t("themes.filter.q")} defaultValue={params.q ?? ""} />
        <SelectField
          name="field"
          label={t("themes.filter.field")}
          defaultValue={params.field ?? ""}
          placeholder={t("themes.filter.any")}
          options={policyFieldCodes.map((c) => ({ value: c, label: t(`field.${c}`) }))}
        />
        <SelectField
          name="status"
          label={t("themes.filter.status")}
          defaultValue={params.status ?? "open"}
          options={(["open", "closed", "all"] as const).map((s) => ({ value: s, label: t(`themes.status.${s}`) }))}
        />
        {place ? null : (
          <>
            <SelectField
              name="prefecture"
              label={t("themes.filter.prefecture")}
              defaultValue={params.prefecture ?? ""}
              placeholder={t("themes.filter.any")}
              options={prefectures}
            />
            <TextField
              name="municipality"
              label={t("themes.filter.municipality")}
              defaultValue={params.municipality ?? ""}
              inputMode="numeric"
            />
          </>
        )}
        <TextField name="deadlineBefore" type="date" label={t("themes.filter.deadlineBefore")} defaultValue={params.deadlineBefore ?? ""} />
        <div>
          <Button>{t("directory.search.submit")}</Button>
        </div>
      </Form>
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
      {agreements.length > 0 ? (
        <section className="mt-10 flex flex-col gap-4" data-testid="public-agreements">
          <h2 className="text-std-24B-150">{t("agreements.public.title")}</h2>
          <ul className="flex flex-col gap-4">
            {agreements.map((a) => (
              <li key={a.id} className="rounded-8 border border-solid-gray-300 p-4">
                <h3 className="text-std-17B-170">{a.title}</h3>
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {t(`proposals.method.${a.method}`)}／{a.partnerNames.join("・")}
                  {a.signedOn ? `／${t("agreements.field.signedOn")} ${format.officialDate(a.signedOn)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {published.length > 0 ? (
        <section className="mt-10 flex flex-col gap-4">
          <h2 className="text-std-24B-150">{t("proposals.published.title")}</h2>
          <ul className="flex flex-col gap-4">
            {published.map((p) => (
              <li key={p.id} className="rounded-8 border border-solid-gray-300 p-4">
                <h3 className="text-std-17B-170">{p.title}</h3>
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {p.proposerName}／{format.list(p.fields.map((f) => t.label("field", f)))}
                </p>
                <p className="mt-2 whitespace-pre-wrap">{p.publicSummary}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <MoreLink params={params} cursor={nextCursor} />
    </>
  );
}
