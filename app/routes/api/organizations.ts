import type { Route } from "./+types/organizations";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { createOrganization } from "~/features/identity/commands.server";

/** POST: platform admins register any organisation; desk admins add departments. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const created = await createOrganization(ctx, await readJson(args.request));
    return json(created, { status: 201, headers: { location: `/api/v1/organizations/${created.id}` } });
  });
}
