import type { Route } from "./+types/agreement-amend";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getAgreement } from "~/features/agreements/register/data.server";
import { amendAgreement } from "~/features/agreements/documents/commands.server";

/** POST /agreements/:id/amend {"reason"}: the owning desk records a new version of the document. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await amendAgreement(ctx, args.params.id, await readJson(args.request));
    return json(await getAgreement(ctx, args.params.id));
  });
}
