import { Link } from "react-router";
import type { Route } from "./+types/public-agreements";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { publicContext } from "~/server/context.server";
import { getLocalGovernment } from "~/features/directory/data.server";
import { listPublicAgreements } from "~/features/agreements/register/data.server";
import { PublicAgreementList } from "~/features/agreements/components/public-agreement-list";

/** The public register: what municipalities agreed with partners and chose to publish (everyone, signed in or not). */
export async function loader(args: Route.LoaderArgs) {
  const ctx = publicContext(args);
  const code = new URL(args.request.url).searchParams.get("municipality");
  const place = code && /^\d{6}$/.test(code) ? await getLocalGovernment(ctx, code) : null;
  const agreements = await listPublicAgreements(ctx, { localGovCode: place ? code! : undefined, limit: 100 });
  return { place, agreements };
}

export default function PublicAgreements({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { place, agreements } = loaderData;
  const title = place ? t("agreements.public.of", { name: place.fullName }) : t("agreements.public.national");
  return (
    <>
      <PageHeader title={title} crumbs={[{ label: t("nav.publicAgreements") }]} lead={t("agreements.public.lead")} />
      {place ? (
        <p className="mb-4">
          <Link to="/agreements/public" className="text-blue-1000 underline">
            {t("agreements.public.all")}
          </Link>
        </p>
      ) : null}
      {agreements.length === 0 ? (
        <p>{t("agreements.public.none")}</p>
      ) : (
        <PublicAgreementList
          agreements={agreements}
          title={t("agreements.public.latest", { count: agreements.length })}
          withMunicipality={!place}
        />
      )}
    </>
  );
}
