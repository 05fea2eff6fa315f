import type { Route } from "./+types/meeting";
import { AppError } from "~/lib/errors";
import { api, json, readJson, requireApiScope } from "~/server/context.server";
import { getMeeting } from "~/features/meetings/data.server";
import { updateMeeting } from "~/features/meetings/commands.server";

/** GET /meetings/:id: the meeting with minutes, decisions and action items. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    return json(await getMeeting(ctx, args.params.id));
  });
}

/** PATCH /meetings/:id with the fields to change (the owning desk). */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "PATCH") throw new AppError("not_found");
    const { ctx } = await requireApiScope(args);
    const current = await getMeeting(ctx, args.params.id);
    const patch = await readJson(args.request);
    const base = {
      kind: current.kind,
      title: current.title,
      startsAt: current.startsAt,
      endsAt: current.endsAt,
      place: current.place,
      onlineUrl: current.onlineUrl,
      agenda: current.agenda,
      attendees: current.attendees,
      minutes: current.minutes,
      decisions: current.decisions,
    };
    await updateMeeting(ctx, args.params.id, { ...base, ...(patch && typeof patch === "object" && !Array.isArray(patch) ? patch : {}) });
    return json(await getMeeting(ctx, args.params.id));
  });
}
