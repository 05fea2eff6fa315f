import type { Route } from "./+types/approval-chain";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { readApprovalChain } from "~/features/agreements/approvals/data.server";
import { updateApprovalChain } from "~/features/agreements/approvals/commands.server";

/** GET: the municipality's internal approval chain (desk). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await readApprovalChain(ctx));
  });
}

/** PUT {"steps": [{"label": "担当課長", "optional": false}, …]}: the desk admin sets it. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PUT") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await updateApprovalChain(ctx, await readJson(args.request));
    return json(await readApprovalChain(ctx));
  });
}
