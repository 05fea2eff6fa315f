import type { Route } from "./+types/follows";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { listFollows } from "~/features/themes/data.server";
import { followThemes, unfollowThemes } from "~/features/themes/commands.server";
import type { FollowList } from "~/features/themes/openapi";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    // /follows/:id shares this module: it is a DELETE only.
    if (args.params.id) throw new AppError("not_found");
    const items = await listFollows(ctx);
    return json({ items, total: items.length, nextCursor: null });
  });
}

/** POST /follows {"kind":"field"|"municipality","value"}; DELETE /follows/:id. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    if (args.request.method === "POST" && !args.params.id) {
      await followThemes(ctx, await readJson(args.request));
      return json({ items: await listFollows(ctx) } satisfies FollowList, { status: 201 });
    }
    if (args.request.method === "DELETE" && args.params.id) {
      await unfollowThemes(ctx, args.params.id);
      return new Response(null, { status: 204 });
    }
    throw new AppError("not_found");
  });
}
