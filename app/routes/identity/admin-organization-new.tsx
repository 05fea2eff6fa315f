import { useActionData } from "react-router";
import type { Route } from "./+types/admin-organization-new";
import { localeFromRequest } from "~/lib/i18n";
import { organizationKinds } from "~/lib/roles";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm } from "~/ui/form";
import { PageHeader } from "~/ui/layout";
import { requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { createOrganization } from "~/features/identity/commands.server";
import { createOrganizationInput } from "~/features/identity/schema";
import { canManageOrganizations } from "~/features/identity/policy";
import { OrganizationFields, organizationFieldLabels } from "~/features/identity/components/organization-fields";

// Departments are added by each desk on its organisation page.
const registrableKinds = organizationKinds.filter((k) => k !== "department");

export async function loader(args: Route.LoaderArgs) {
  await requirePageScope(args, canManageOrganizations);
  return null;
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canManageOrganizations);
  const values = await readForm(args.request);
  try {
    await createOrganization(ctx, values);
    return redirectWithFlash(args, "/admin/organizations", "org.created", { name: String(values.name ?? "") });
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function NewOrganization() {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t("org.create.title")}
        crumbs={[{ label: t("admin.organizations.title"), to: "/admin/organizations" }, { label: t("org.create.title") }]}
      />
      <SchemaForm schema={createOrganizationInput} result={errors} method="post" className="flex flex-col gap-6">
        <ErrorSummary labels={organizationFieldLabels(t)} />
        <OrganizationFields kinds={registrableKinds} showCodes />
        <div>
          <Button>{t("org.create.submit")}</Button>
        </div>
      </SchemaForm>
    </div>
  );
}
