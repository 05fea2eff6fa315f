import type { Route } from "./+types/calendar-feed";
import { publicContext } from "~/server/context.server";
import { calendarFeed } from "~/features/meetings/data.server";
import { calendarResponse } from "~/features/meetings/calendar.server";

/**
 * GET /calendar/:token.ics: a person's private calendar feed, for calendar
 * apps (no session: the secret in the URL is the credential). 404 for any
 * token that is not, or no longer, someone's feed.
 */
export async function loader(args: Route.LoaderArgs) {
  const body = await calendarFeed(publicContext(args), String(args.params.token ?? ""));
  if (body === null)
    return new Response("Not Found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  return calendarResponse(body);
}
