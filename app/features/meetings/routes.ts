// The meetings feature's pages and API (meetings of an agreement, action items, .ics and the calendar feed), composed in app/routes.ts.
// Paths of route modules are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export const meetingsRoutes: RouteConfigEntry[] = [
  route("agreements/:id/meetings", "routes/meetings/agreement-meetings.tsx"),
  route("meetings/:id", "routes/meetings/meeting.tsx"),
  route("meetings/:id/meeting.ics", "routes/meetings/meeting-ics.ts"),
  route("calendar", "routes/meetings/calendar.tsx"),
  route("calendar/:token.ics", "routes/meetings/calendar-feed.ts"),
  route("api/v1/agreements/:id/meetings", "routes/api/agreement-meetings.ts"),
  route("api/v1/meetings/:id", "routes/api/meeting.ts"),
  route("api/v1/meetings/:id/meeting.ics", "routes/api/meeting-ics.ts"),
  route("api/v1/meetings/:id/action-items", "routes/api/meeting-action-items.ts"),
  route("api/v1/meeting-action-items/:id/done", "routes/api/meeting-action-item-done.ts"),
  route("api/v1/calendar-feed", "routes/api/calendar-feed.ts"),
];
