import { Link } from "react-router";
import type { Route } from "./+types/desk-themes";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { requirePageScope } from "~/server/context.server";
import { listMunicipalityThemes } from "~/features/themes/data.server";
import { canCreateTheme } from "~/features/themes/policy";
import { ThemeCard } from "~/features/themes/components/theme-card";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canCreateTheme);
  return { items: await listMunicipalityThemes(ctx) };
}

export default function DeskThemes({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("themes.desk.title")} crumbs={[{ label: t("themes.desk.title") }]} lead={t("themes.desk.lead")} />
      <p className="mb-6">
        <Link to="/desk/themes/new" className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
          {t("themes.new")}
        </Link>
      </p>
      {loaderData.items.length === 0 ? (
        <p>{t("themes.none")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {loaderData.items.map((theme) => (
            <ThemeCard key={theme.id} theme={theme} href={`/themes/${theme.id}`} />
          ))}
        </ul>
      )}
    </>
  );
}
