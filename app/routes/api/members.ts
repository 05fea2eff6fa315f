import type { Route } from "./+types/members";
import { api, json, requireApiScope } from "~/server/context.server";
import { listMembers } from "~/features/identity/data.server";

/** GET: the members of the caller's organisation and its open invitations (not to department staff). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await listMembers(ctx));
  });
}
