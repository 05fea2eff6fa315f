import type { Route } from "./+types/meeting-ics";
import { guard, requirePageScope } from "~/server/context.server";
import { meetingCalendar } from "~/features/meetings/data.server";
import { calendarResponse } from "~/features/meetings/calendar.server";

/** The meeting as an .ics file: the same visibility as its agreement (404 to everyone else). */
export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  const { body, ...names } = await guard(() => meetingCalendar(ctx, args.params.id));
  return calendarResponse(body, names);
}
