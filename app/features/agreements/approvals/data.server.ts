// The approval chain as the municipality's desk reads it (its settings page and the API).
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { getApprovalChain } from "../data.internal.server";
import { canManageApprovalChain, canReadAgreementSettings } from "../policy";
import type { ApprovalChainView } from "../schema";

/** The chain as the desk sees it on its settings page and in the API. */
export async function readApprovalChain(ctx: ScopedContext): Promise<ApprovalChainView> {
  if (!canReadAgreementSettings(ctx.scope)) throw forbidden();
  return { ...(await getApprovalChain(ctx.db, ctx.scope.organizationId)), editable: canManageApprovalChain(ctx.scope) };
}
