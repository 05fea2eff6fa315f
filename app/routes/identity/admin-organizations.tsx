import { Link } from "react-router";
import type { Route } from "./+types/admin-organizations";
import { isAppError } from "~/lib/errors";
import { organizationKinds } from "~/lib/roles";
import { parseInput } from "~/lib/validation";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { SchemaForm, SelectField, TextField } from "~/ui/form";
import { DataTable, MoreLink, PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { organizationListInput } from "~/features/identity/schema";
import { listOrganizations } from "~/features/identity/data.server";
import { canManageOrganizations } from "~/features/identity/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canManageOrganizations);
  const params = Object.fromEntries(new URL(args.request.url).searchParams);
  return guard(async () => {
    try {
      return { params, ...(await listOrganizations(ctx, parseInput(organizationListInput, params))) };
    } catch (error) {
      if (isAppError(error) && error.code === "validation") return { params, items: [], total: 0, nextCursor: null };
      throw error;
    }
  });
}

export default function AdminOrganizations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { params, items, total, nextCursor } = loaderData;
  return (
    <>
      <PageHeader
        title={t("admin.organizations.title")}
        crumbs={[{ label: t("admin.organizations.title") }]}
        lead={t("admin.organizations.lead")}
      />
      <p className="mb-6">
        <Link to="/admin/organizations/new" className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline">
          {t("admin.organizations.new")}
        </Link>
      </p>
      <SchemaForm
        schema={organizationListInput}
        method="get"
        role="search"
        className="mb-6 grid items-end gap-4 sm:grid-cols-[2fr_1fr_auto]"
      >
        <TextField name="q" type="search" label={t("admin.organizations.search")} defaultValue={params.q ?? ""} />
        <SelectField
          name="kind"
          label={t("admin.organizations.kindFilter")}
          defaultValue={params.kind ?? ""}
          placeholder={t("admin.organizations.all")}
          options={organizationKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        />
        <Button>{t("directory.search.submit")}</Button>
      </SchemaForm>
      <p role="status" className="mb-2">
        {t("directory.results", { count: format.number(total) })}
      </p>
      {items.length === 0 ? (
        <p>{t("admin.organizations.none")}</p>
      ) : (
        <DataTable
          caption={t("admin.organizations.title")}
          head={[t("org.name"), t("org.kind"), t("org.corporateNumber"), t("org.municipalityCode"), t("org.fields")]}
          rows={items.map((o) => [
            <Link key="n" to={`/admin/organizations/${o.id}/edit`} className="text-blue-1000 underline">
              {o.name}
            </Link>,
            t.label("orgKind", o.kind),
            o.corporateNumber ?? "—",
            o.localGovCode ?? "—",
            format.list(o.fields.map((f) => t.label("field", f))) || "—",
          ])}
        />
      )}
      <MoreLink params={params} cursor={nextCursor} />
    </>
  );
}
