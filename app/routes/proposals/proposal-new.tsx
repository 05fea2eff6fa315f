import { randomUUID } from "node:crypto";
import { useActionData } from "react-router";
import type { Route } from "./+types/proposal-new";
import { useT } from "~/ui/i18n";
import { keptValue } from "~/ui/form";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { openThemeForProposal } from "~/features/themes/data.server";
import { canPropose } from "~/features/proposals/policy";
import { ProposalForm } from "~/features/proposals/components/proposal-form";
import { proposalFormAction } from "./proposal-form-action.server";

export async function loader(args: Route.LoaderArgs) {
  const { ctx, identity } = await requirePageScope(args, canPropose);
  const url = new URL(args.request.url);
  const themeId = url.searchParams.get("theme");
  const theme = themeId ? await guard(async () => openThemeForProposal(ctx, themeId)) : null;
  return {
    theme: theme ? { id: theme.id, title: theme.title, fields: theme.fields } : null,
    municipalityCode: url.searchParams.get("municipality"),
    // One token per form: a second submit of the same form finds the first proposal.
    clientToken: randomUUID(),
    contact: { name: identity.user.name, email: ctx.scope.userEmail },
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canPropose);
  return proposalFormAction(args, ctx);
}

export default function NewProposal({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const errors = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("proposals.new")}
        crumbs={[{ label: t("proposals.mine.title"), to: "/proposals" }, { label: t("proposals.new") }]}
        lead={t("proposals.new.lead")}
      />
      <ProposalForm
        result={errors}
        themeId={loaderData.theme?.id}
        themeTitle={loaderData.theme?.title}
        defaultFields={loaderData.theme?.fields}
        municipalityCode={loaderData.municipalityCode}
        clientToken={keptValue(errors, "clientToken") ?? loaderData.clientToken}
        contact={loaderData.contact}
      />
    </>
  );
}
