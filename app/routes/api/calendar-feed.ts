import type { Route } from "./+types/calendar-feed";
import { AppError } from "~/lib/errors";
import { api, json, requireApiScope } from "~/server/context.server";
import { rotateCalendarFeed } from "~/features/meetings/commands.server";

/**
 * POST /calendar-feed: creates the caller's private calendar feed, or gives it
 * a new secret (the old URL stops working) → 201 {"url"}. The URL is shown once.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    return json(await rotateCalendarFeed(ctx), { status: 201 });
  });
}
