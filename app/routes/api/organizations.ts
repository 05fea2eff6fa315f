import type { Route } from "./+types/organizations";
import { AppError } from "~/lib/errors";
import { parseInput } from "~/lib/validation";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { organizationListInput } from "~/features/identity/schema";
import { listOrganizations } from "~/features/identity/data.server";
import { createOrganization } from "~/features/identity/commands.server";

/** GET: the platform's organisation register (platform admins). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const input = parseInput(organizationListInput, Object.fromEntries(new URL(args.request.url).searchParams));
    return json(await listOrganizations(ctx, input));
  });
}

/** POST: platform admins register any organisation; desk admins add departments. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const created = await createOrganization(ctx, await readJson(args.request));
    return json(created, { status: 201, headers: { location: `/api/v1/organizations/${created.id}` } });
  });
}
