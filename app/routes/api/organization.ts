import type { Route } from "./+types/organization";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getOrganizationForAdmin } from "~/features/identity/data.server";
import { updateOrganization } from "~/features/identity/commands.server";

/** GET: one registered organisation (platform admins). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await getOrganizationForAdmin(ctx, args.params.id));
  });
}

/** PATCH {"name", "nameKana"?, "corporateNumber"?, "municipalityCode"?, "description"?, "fields"}: the platform admin corrects it. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PATCH") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await updateOrganization(ctx, args.params.id, await readJson(args.request));
    return json(await getOrganizationForAdmin(ctx, args.params.id));
  });
}
