import type { Route } from "./+types/meeting-action-item-done";
import { AppError } from "~/lib/errors";
import { api, json, requireApiScope } from "~/server/context.server";
import { getMeeting } from "~/features/meetings/data.server";
import { completeMeetingActionItem } from "~/features/meetings/commands.server";

/** POST /meeting-action-items/:id/done: any party member marks it done (again: no change) → the meeting. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const { meetingId } = await completeMeetingActionItem(ctx, args.params.id);
    return json(await getMeeting(ctx, meetingId));
  });
}
