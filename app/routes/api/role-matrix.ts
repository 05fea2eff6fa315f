import type { Route } from "./+types/role-matrix";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { readRoleMatrix } from "~/features/proposals/data.server";
import { updateRoleMatrix } from "~/features/proposals/commands.server";
import { canEditRoleMatrix, canReadRoleMatrix } from "~/features/proposals/policy";

/** GET: the caller's municipality's matrix (desk and department staff). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args, canReadRoleMatrix);
    return json(await readRoleMatrix(ctx));
  });
}

/** PUT {"entries":[{method, stage, desk, department}, ...]} (desk admin). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PUT") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args, canEditRoleMatrix);
    await updateRoleMatrix(ctx, await readJson(args.request));
    return json(await readRoleMatrix(ctx));
  });
}
