import { Link } from "react-router";
import type { Route } from "./+types/home";
import { useT } from "~/ui/i18n";
import { PageHeader, Section } from "~/ui/layout";
import { guard, pageIdentityOf, requestContextOf } from "~/server/context.server";
import { scopeOf } from "~/features/identity/gate.server";
import { getActiveOrganization, listDepartments } from "~/features/identity/data.server";
import { shortcutsFor } from "~/features/identity/navigation";
import { useRootData } from "~/root";

export async function loader(args: Route.LoaderArgs) {
  const identity = await pageIdentityOf(args);
  if (!identity?.active) return { organization: null, departments: [] };
  const ctx = { ...requestContextOf(args), scope: scopeOf(identity, identity.active) };
  return guard(async () => {
    const [organization, departments] = await Promise.all([getActiveOrganization(ctx), listDepartments(ctx)]);
    return { organization, departments };
  });
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const root = useRootData();
  if (!root?.user) {
    return (
      <>
        <PageHeader title={t("app.tagline")} lead={t("home.public.lead")} />
        <p className="mb-4 text-std-16N-170">{t("home.public.proposers")}</p>
        <div className="flex flex-wrap gap-4">
          <Link to="/login" className="rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
            {t("nav.login")}
          </Link>
          <Link to="/signup" className="rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline">
            {t("nav.signup")}
          </Link>
        </div>
      </>
    );
  }
  const { organization, departments } = loaderData;
  if (!organization || !root.active) {
    return <PageHeader title={t("home.title")} lead={t("home.noMembership")} />;
  }
  return (
    <>
      <PageHeader title={organization.name} lead={t("home.signedIn.lead", { org: organization.name })} />
      <p className="mb-2 text-std-16N-170" data-testid="active-role">
        {t("home.role", { role: t(`role.${root.active.role}`) })}
        {root.active.departmentName ? `（${root.active.departmentName}）` : ""}
      </p>
      <p className="mb-2 text-std-16N-170">
        {t("org.kind")}: {t.label("orgKind", organization.kind)}
        {organization.localGovCode ? ` ／ ${t("org.municipalityCode")}: ${organization.localGovCode}` : ""}
        {organization.corporateNumber ? ` ／ ${t("org.corporateNumber")}: ${organization.corporateNumber}` : ""}
      </p>
      {organization.description ? <p className="mb-6 text-std-16N-170">{organization.description}</p> : null}
      {root.unread > 0 ? (
        <p className="mb-6">
          <Link to="/notifications" className="text-blue-1000 underline">
            {t("home.unread", { count: root.unread })}
          </Link>
        </p>
      ) : null}
      <Section title={t("home.quick")}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {shortcutsFor(root.active).map((link) => (
            <li key={link.to + link.label}>
              <Link
                to={link.to}
                className="block rounded-8 border border-solid-gray-300 p-4 text-std-16B-170 text-blue-1000 underline hover:bg-blue-50"
              >
                {t(link.label)}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      {departments.length > 0 ? (
        <Section title={t("home.departments")}>
          <ul className="list-disc pl-6">
            {departments.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
