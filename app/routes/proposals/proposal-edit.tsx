import { useActionData } from "react-router";
import type { Route } from "./+types/proposal-edit";
import { AppError } from "~/lib/errors";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { getProposal } from "~/features/proposals/data.server";
import { canPropose } from "~/features/proposals/policy";
import { DeleteDraft, ProposalForm } from "~/features/proposals/components/proposal-form";
import { deleteDraft } from "~/features/proposals/commands.server";
import { readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { proposalFormAction } from "./proposal-form-action.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx, identity } = await requirePageScope(args, canPropose);
  return guard(async () => {
    const proposal = await getProposal(ctx, args.params.id);
    if (!proposal.can.edit) throw new AppError("conflict", { message: "error.invalidTransition" });
    return { proposal, contact: { name: identity.user.name, email: ctx.scope.userEmail } };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canPropose);
  if (new URL(args.request.url).searchParams.get("intent") === "delete") {
    const values = await readForm(args.request);
    await guard(async () => deleteDraft(ctx, args.params.id));
    return redirectWithFlash(args, "/proposals", "proposals.deleted", { title: typeof values.title === "string" ? values.title : "" });
  }
  return proposalFormAction(args, ctx, args.params.id);
}

export default function EditProposal({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  const { proposal } = loaderData;
  return (
    <>
      <PageHeader
        title={t("proposals.edit")}
        crumbs={[
          { label: t("proposals.mine.title"), to: "/proposals" },
          { label: proposal.title || t("proposals.status.draft"), to: `/proposals/${proposal.id}` },
          { label: t("proposals.edit") },
        ]}
        lead={`${t("proposals.municipality")}: ${proposal.municipalityName}${proposal.themeTitle ? `／${t("proposals.theme")}: ${proposal.themeTitle}` : ""}`}
      />
      <ProposalForm result={errors} proposal={proposal} themeId={null} clientToken="" contact={loaderData.contact} />
      <DeleteDraft title={proposal.title} />
    </>
  );
}
