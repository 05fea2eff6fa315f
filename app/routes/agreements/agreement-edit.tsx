import { useActionData } from "react-router";
import type { Route } from "./+types/agreement-edit";
import { AppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments } from "~/features/identity/data.server";
import { candidatePartners, getAgreement } from "~/features/agreements/register/data.server";
import { updateAgreement } from "~/features/agreements/register/commands.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";
import { AgreementForm } from "~/features/agreements/components/agreement-form";
import { agreementInputFromForm } from "./agreement-form.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  return guard(async () => {
    const agreement = await getAgreement(ctx, args.params.id);
    if (!agreement.can.edit) throw new AppError("conflict", { message: "error.invalidTransition" });
    const [partners, departments] = await Promise.all([candidatePartners(ctx), listDepartments(ctx)]);
    const partnerIds = agreement.parties.filter((p) => p.organizationId !== agreement.municipalityId).map((p) => p.organizationId);
    // Current partners stay offered even if they never proposed.
    const offered = [
      ...partners,
      ...agreement.parties
        .filter((p) => partnerIds.includes(p.organizationId) && !partners.some((c) => c.id === p.organizationId))
        .map((p) => ({ id: p.organizationId, name: p.name, kind: p.kind })),
    ];
    return { agreement, partners: offered, departments: departments.map((d) => ({ value: d.id, label: d.name })), partnerIds };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  const values = await readForm(args.request);
  try {
    await updateAgreement(ctx, args.params.id, await agreementInputFromForm(ctx, values));
    return redirectWithFlash(args, `/agreements/${args.params.id}`, "form.saved");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function EditAgreement({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  const { agreement: a } = loaderData;
  return (
    <>
      <PageHeader
        title={t("agreements.edit")}
        crumbs={[
          { label: t("agreements.title"), to: "/agreements" },
          { label: a.title, to: `/agreements/${a.id}` },
          { label: t("agreements.edit") },
        ]}
      />
      <AgreementForm
        result={errors}
        initial={{ ...a, partnerIds: loaderData.partnerIds }}
        partners={loaderData.partners}
        departments={loaderData.departments}
        submitLabel={t("themes.save")}
      />
    </>
  );
}
