import type { Route } from "./+types/agreement-meetings";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getMeeting, listMeetings } from "~/features/meetings/data.server";
import { createMeeting } from "~/features/meetings/commands.server";

/** GET /agreements/:id/meetings: the agreement's meetings, oldest first (its parties only). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await listMeetings(ctx, args.params.id));
  });
}

/**
 * POST /agreements/:id/meetings {"kind":"steering"|"working"|"project","title",
 * "startsAt","endsAt","place","onlineUrl","agenda","attendees","minutes","decisions"}:
 * the owning desk schedules a meeting. Times without an offset are Japan time.
 */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const { id } = await createMeeting(ctx, args.params.id, await readJson(args.request));
    return json(await getMeeting(ctx, id), { status: 201, headers: { location: `/api/v1/meetings/${id}` } });
  });
}
