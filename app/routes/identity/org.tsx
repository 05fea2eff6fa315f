import { useActionData } from "react-router";
import type { Route } from "./+types/org";
import { localeFromRequest } from "~/lib/i18n";
import { isPublicBody } from "~/lib/roles";
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm } from "~/ui/form";
import { DataTable, Notice, PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { getActiveOrganization, listDepartments } from "~/features/identity/data.server";
import { createOrganization } from "~/features/identity/commands.server";
import { createOrganizationInput } from "~/features/identity/schema";
import { canAddDepartment } from "~/features/identity/policy";
import { OrganizationFields, organizationFieldLabels } from "~/features/identity/components/organization-fields";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const [organization, departments] = await Promise.all([getActiveOrganization(ctx), listDepartments(ctx)]);
    return { organization, departments, canAddDepartment: canAddDepartment(ctx.scope) };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canAddDepartment);
  const values = await readForm(args.request);
  try {
    await createOrganization(ctx, { ...values, kind: "department", parentId: ctx.scope.organizationId });
    return { created: String(values.name ?? "") };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function OrganizationPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { organization, departments, canAddDepartment } = loaderData;
  return (
    <>
      <PageHeader title={organization.name} crumbs={[{ label: t("nav.organization") }]} />
      {result && "created" in result ? <Notice kind="success">{t("org.created", { name: result.created })}</Notice> : null}
      <Section title={t("org.profile")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="text-std-16B-170">{t("org.kind")}</dt>
          <dd>{t.label("orgKind", organization.kind)}</dd>
          {organization.localGovCode ? (
            <>
              <dt className="text-std-16B-170">{t("org.municipalityCode")}</dt>
              <dd>{organization.localGovCode}</dd>
            </>
          ) : null}
          {organization.corporateNumber ? (
            <>
              <dt className="text-std-16B-170">{t("org.corporateNumber")}</dt>
              <dd>{organization.corporateNumber}</dd>
            </>
          ) : null}
          <dt className="text-std-16B-170">{t("org.fields")}</dt>
          <dd>{format.list(organization.fields.map((f) => t.label("field", f))) || "—"}</dd>
          <dt className="text-std-16B-170">{t("org.description")}</dt>
          <dd className="whitespace-pre-wrap">{organization.description || "—"}</dd>
        </dl>
      </Section>
      {isPublicBody(organization.kind) ? (
        <Section title={t("org.departments")}>
          {departments.length === 0 ? (
            <p>{t("org.departments.none")}</p>
          ) : (
            <DataTable
              caption={t("org.departments")}
              head={[t("org.name"), t("org.fields"), t("org.description")]}
              rows={departments.map((d) => [d.name, format.list(d.fields.map((f) => t.label("field", f))) || "—", d.description || "—"])}
            />
          )}
        </Section>
      ) : null}
      {canAddDepartment ? (
        <Section title={t("org.departments.add")}>
          <p>{t("org.departments.lead")}</p>
          <SchemaForm schema={createOrganizationInput} result={result} method="post" className="flex max-w-2xl flex-col gap-6">
            <ErrorSummary labels={organizationFieldLabels(t)} />
            <OrganizationFields kinds={["department"]} showCodes={false} />
            <div>
              <Button>{t("org.departments.add")}</Button>
            </div>
          </SchemaForm>
        </Section>
      ) : null}
    </>
  );
}
