import type { Route } from "./+types/meeting-action-items";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getMeeting } from "~/features/meetings/data.server";
import { addMeetingActionItem } from "~/features/meetings/commands.server";

/**
 * POST /meetings/:id/action-items {"title","ownerName","ownerUserId"?,"dueDate"}:
 * the owning desk records an action item → 201 with the meeting.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    await addMeetingActionItem(ctx, args.params.id, await readJson(args.request));
    return json(await getMeeting(ctx, args.params.id), { status: 201 });
  });
}
