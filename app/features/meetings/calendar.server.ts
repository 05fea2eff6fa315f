// Meetings as iCalendar (RFC 5545) with the `ics` package. Every time is
// given to it as a UTC instant and written in UTC ("…Z"), so neither the
// server's time zone nor the reader's can shift a meeting.
import { createEvents, type EventAttributes } from "ics";
import { AppError } from "~/lib/errors";
import { calendarKindLabels, type MeetingKind } from "./constants";

export interface CalendarMeeting {
  id: string;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  agenda: string;
  agreementTitle: string;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";
const PRODUCT_ID = "-//Renkei//Meetings//JA";

/** The same for a meeting forever, whichever file or feed it appears in. */
export const meetingUid = (id: string) => `meeting-${id}@renkei`;

function eventOf(m: CalendarMeeting, baseUrl: string): EventAttributes {
  const link = new URL(`/meetings/${m.id}`, baseUrl).toString();
  const description = [
    `協定: ${m.agreementTitle}`,
    `会議: ${calendarKindLabels[m.kind]}`,
    m.place ? `場所: ${m.place}` : null,
    m.onlineUrl ? `オンライン: ${m.onlineUrl}` : null,
    m.agenda ? `議題:\n${m.agenda}` : null,
    `詳細: ${link}`,
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
  return {
    uid: meetingUid(m.id),
    title: `【${calendarKindLabels[m.kind]}】${m.title}`,
    start: m.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: m.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    description,
    location: [m.place, m.onlineUrl].filter(Boolean).join(" / ") || undefined,
    url: link,
    status: "CONFIRMED",
    busyStatus: "BUSY",
    sequence: m.sequence,
    created: m.createdAt.getTime(),
    lastModified: m.updatedAt.getTime(),
    categories: [calendarKindLabels[m.kind]],
  };
}

/** A VCALENDAR with one event per meeting (none is a valid, empty calendar). */
export function renderCalendar(list: CalendarMeeting[], options: { baseUrl: string; name?: string }): string {
  const { error, value } = createEvents(
    list.map((m) => eventOf(m, options.baseUrl)),
    { productId: PRODUCT_ID, calName: options.name },
  );
  if (error || value === null) throw new AppError("internal", { cause: error });
  return value;
}

/** A calendar as an HTTP response: downloads are private and never cached. */
export function calendarResponse(body: string, options: { filename?: string; asciiFilename?: string } = {}): Response {
  const headers = new Headers({
    "content-type": CALENDAR_CONTENT_TYPE,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex",
  });
  if (options.filename) {
    // An ASCII name for old clients, the Japanese one (RFC 6266 filename*) for the rest.
    const ascii = /^[\x20-\x7e]*$/.test(options.filename) ? options.filename : (options.asciiFilename ?? "calendar.ics");
    const utf8 = options.filename === ascii ? "" : `; filename*=UTF-8''${encodeURIComponent(options.filename)}`;
    headers.set("content-disposition", `attachment; filename="${ascii.replace(/"/g, "")}"${utf8}`);
  }
  return new Response(body, { headers });
}
