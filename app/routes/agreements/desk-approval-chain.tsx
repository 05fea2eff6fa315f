import { Link, useActionData } from "react-router";
import type { Route } from "./+types/desk-approval-chain";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { readApprovalChain } from "~/features/agreements/approvals/data.server";
import { resetApprovalChain, updateApprovalChain } from "~/features/agreements/approvals/commands.server";
import { canManageApprovalChain, canReadAgreementSettings } from "~/features/agreements/policy";
import { approvalChainFormInput } from "~/features/agreements/schema";
import { parseInput } from "~/lib/validation";
import { ApprovalChainForm } from "~/features/agreements/components/approval-chain-form";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadAgreementSettings);
  return guard(() => readApprovalChain(ctx));
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canManageApprovalChain);
  const values = await readForm(args.request);
  try {
    if (values.intent === "reset") {
      await resetApprovalChain(ctx);
      return redirectWithFlash(args, "/desk/approval-chain", "approvalChain.resetDone");
    }
    await updateApprovalChain(ctx, parseInput(approvalChainFormInput, values));
    return redirectWithFlash(args, "/desk/approval-chain", "approvalChain.saved");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function ApprovalChainPage({ loaderData: chain }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={t("approvalChain.title")}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: t("approvalChain.title") }]}
        lead={t("approvalChain.lead")}
      />
      <p className="mb-6 text-std-16N-170" data-testid="approval-chain-state">
        {chain.isDefault ? t("approvalChain.standard") : t("approvalChain.custom")}
      </p>
      <ApprovalChainForm chain={chain} result={result} />
      <p className="mt-8">
        <Link to="/desk/agreement-template" className="text-blue-1000 underline">
          {t("agreements.document.template")}
        </Link>
      </p>
    </>
  );
}
