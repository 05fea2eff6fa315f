import { useActionData } from "react-router";
import type { Route } from "./+types/admin-organization-edit";
import { localeFromRequest } from "~/lib/i18n";
import type { OrganizationKind } from "~/lib/roles";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm } from "~/ui/form";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getOrganizationForAdmin } from "~/features/identity/data.server";
import { updateOrganization } from "~/features/identity/commands.server";
import { updateOrganizationInput } from "~/features/identity/schema";
import { canManageOrganizations } from "~/features/identity/policy";
import { OrganizationFields, organizationFieldLabels } from "~/features/identity/components/organization-fields";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canManageOrganizations);
  return { organization: await guard(() => getOrganizationForAdmin(ctx, args.params.id)) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canManageOrganizations);
  const values = await readForm(args.request);
  try {
    await updateOrganization(ctx, args.params.id, values);
    return redirectWithFlash(args, "/admin/organizations", "org.updated", { name: String(values.name ?? "") });
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function EditOrganization({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  const { organization } = loaderData;
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t("org.edit.title", { name: organization.name })}
        crumbs={[{ label: t("admin.organizations.title"), to: "/admin/organizations" }, { label: organization.name }]}
        lead={t.label("orgKind", organization.kind)}
      />
      <SchemaForm schema={updateOrganizationInput} result={errors} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={organizationFieldLabels(t)} />
        <OrganizationFields kinds={[organization.kind as OrganizationKind]} showCodes initial={organization} />
        <div>
          <Button>{t("org.edit.submit")}</Button>
        </div>
      </SchemaForm>
    </div>
  );
}
