import type { Route } from "./+types/agreement-template";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { readAgreementTemplate } from "~/features/agreements/documents/data.server";
import { updateAgreementTemplate } from "~/features/agreements/documents/commands.server";

/** GET: the wording of the caller's municipality's agreement documents (its desk). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await readAgreementTemplate(ctx));
  });
}

/** PUT {"preamble","amendmentClause","disputeClause"} (desk admin). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PUT") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await updateAgreementTemplate(ctx, await readJson(args.request));
    return json(await readAgreementTemplate(ctx));
  });
}
