import type { Route } from "./+types/meeting-ics";
import { api, requireApiScope } from "~/server/context.server";
import { meetingCalendar } from "~/features/meetings/data.server";
import { calendarResponse } from "~/features/meetings/calendar.server";

/** GET /meetings/:id/meeting.ics: the meeting as an iCalendar file (times in UTC). */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const { ctx } = await requireApiScope(args);
    const { body, ...names } = await meetingCalendar(ctx, args.params.id);
    return calendarResponse(body, names);
  });
}
