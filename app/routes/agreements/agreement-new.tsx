import { useActionData } from "react-router";
import type { Route } from "./+types/agreement-new";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments } from "~/features/identity/data.server";
import { candidatePartners } from "~/features/agreements/register/data.server";
import { agreementDraftFromProposal, createAgreement } from "~/features/agreements/register/commands.server";
import { isPublicBodyDesk } from "~/features/agreements/policy";
import { AgreementForm, type AgreementFormValues } from "~/features/agreements/components/agreement-form";
import { agreementInputFromForm } from "./agreement-form.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  const fromProposal = new URL(args.request.url).searchParams.get("fromProposal");
  return guard(async () => {
    const [partners, departments, draft] = await Promise.all([
      candidatePartners(ctx),
      listDepartments(ctx),
      fromProposal ? agreementDraftFromProposal(ctx, fromProposal) : Promise.resolve(null),
    ]);
    return {
      partners,
      departments: departments.map((d) => ({ value: d.id, label: d.name })),
      initial: (draft ?? {}) as AgreementFormValues,
      proposalId: draft?.proposalId ?? null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, isPublicBodyDesk);
  const values = await readForm(args.request);
  try {
    const input = await agreementInputFromForm(ctx, values);
    const created = await createAgreement(ctx, input, {
      proposalId: typeof values.proposalId === "string" && values.proposalId ? values.proposalId : undefined,
    });
    return redirectWithFlash(args, `/agreements/${created.id}`, "agreements.created", { title: String(values.title ?? "") });
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function NewAgreement({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("agreements.new")}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: t("agreements.new") }]}
        lead={t("agreements.new.lead")}
      />
      <AgreementForm
        result={errors}
        initial={loaderData.initial}
        partners={loaderData.partners}
        departments={loaderData.departments}
        submitLabel={t("agreements.create")}
        hidden={loaderData.proposalId ? { proposalId: loaderData.proposalId } : {}}
      />
    </>
  );
}
