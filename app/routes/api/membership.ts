import type { Route } from "./+types/membership";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { changeMemberRole, removeMember } from "~/features/identity/commands.server";

/**
 * PATCH /api/v1/memberships/:id {"role", "departmentId"?}: another role for a member
 * of the caller's organisation; DELETE: out of the organisation. The members the
 * caller manages only (GET /api/v1/members says which); 404 for anyone else's.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    if (args.request.method === "PATCH") {
      await changeMemberRole(ctx, args.params.id, await readJson(args.request));
      return json({ ok: true });
    }
    if (args.request.method === "DELETE") {
      await removeMember(ctx, args.params.id);
      return new Response(null, { status: 204 });
    }
    throw new AppError("not_found");
  });
}
