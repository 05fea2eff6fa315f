// Inputs (one schema for the form, the action and the API) and the views of
// meetings. Safe in the browser: no server code.
import { z } from "zod";
import { choice, isCalendarDay, isoDate, optional, optionalText, optionalWebUrl, requiredText, whenValid } from "~/lib/validation";
import { calendarDay, instant, rowId } from "~/lib/api-schemas";
import { meetingKinds } from "./constants";

export * from "./constants";

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * A moment from a form or the API. "2027-05-10T14:00" (what a datetime-local
 * input sends, no offset) is Japan time; "…Z" and "…+09:00" are taken as
 * written. Parsed by hand so that the server's time zone never matters.
 */
export function parseMeetingTime(value: string): Date | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((m[7] ?? "0").padEnd(3, "0"));
  // Years outside 1900–2200 are typos; Date.UTC would also read year 0050 as 1950.
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const zone = m[8];
  if (!zone) return new Date(wall - TOKYO_OFFSET_MS);
  if (zone.toUpperCase() === "Z") return new Date(wall);
  const sign = zone.startsWith("-") ? -1 : 1;
  const [oh, om] = zone.slice(1).split(":").map(Number) as [number, number];
  if (oh > 14 || om > 59) return null;
  return new Date(wall - sign * (oh * 60 + om) * 60_000);
}

/** The value of a datetime-local input for a moment, in Japan time ("2027-05-10T14:00"). */
export const toTokyoInputValue = (iso: string) => new Date(new Date(iso).getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 16);

const meetingTime = () =>
  z.preprocess(
    (v) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? "" : v.toISOString()) : typeof v === "string" ? v.trim() : v),
    z
      .string({ error: "validation.required" })
      .min(1, { error: "validation.required" })
      .transform((v, ctx) => {
        const parsed = parseMeetingTime(v);
        if (!parsed) {
          ctx.issues.push({ code: "custom", message: "validation.invalid", input: v });
          return z.NEVER;
        }
        return parsed;
      }),
  );

export const meetingInput = z
  .object({
    kind: choice(meetingKinds),
    title: requiredText(200),
    startsAt: meetingTime(),
    endsAt: meetingTime(),
    place: optionalText(200),
    onlineUrl: optionalWebUrl(),
    agenda: optionalText(4000),
    attendees: optionalText(2000),
    minutes: optionalText(20000),
    decisions: optionalText(8000),
  })
  .refine((v) => !(v.startsAt instanceof Date) || !(v.endsAt instanceof Date) || v.endsAt > v.startsAt, {
    path: ["endsAt"],
    error: "validation.periodOrder",
    when: whenValid("startsAt", "endsAt"),
  });
export type MeetingInput = z.output<typeof meetingInput>;

export const actionItemInput = z.object({
  title: requiredText(300),
  ownerName: requiredText(100),
  /** The owner's Renkei account (a member of a party), for the overdue reminder. */
  ownerUserId: optional(z.uuid({ error: "validation.invalidChoice" })),
  dueDate: isoDate(),
});
export type ActionItemInput = z.output<typeof actionItemInput>;

export const meetingSummary = z
  .object({
    id: rowId(),
    agreementId: rowId(),
    kind: z.enum(meetingKinds),
    title: z.string(),
    startsAt: instant().meta({ description: "UTC; shown in Japan time." }),
    endsAt: instant(),
    place: z.string(),
    onlineUrl: z.string(),
    openActionItems: z.number().int(),
    overdueActionItems: z.number().int(),
  })
  .meta({ id: "MeetingSummary" });
export type MeetingSummary = z.output<typeof meetingSummary>;

export const meetingActionItemView = z
  .object({
    id: rowId(),
    title: z.string(),
    ownerName: z.string(),
    ownerUserId: rowId().nullable(),
    dueDate: calendarDay(),
    doneAt: instant().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: "MeetingActionItem" });
export type MeetingActionItemView = z.output<typeof meetingActionItemView>;

/** A meeting ahead, on a home page, with its agreement's title. */
export interface MeetingAtHome extends MeetingSummary {
  agreementTitle: string;
}

/** An overdue action item of a meeting, on a home page. */
export interface MeetingActionItemAtHome {
  id: string;
  title: string;
  ownerName: string;
  dueDate: string;
  meetingId: string;
  meetingTitle: string;
  agreementTitle: string;
}

/** What a home page shows of meetings: the next ones and the overdue action items. */
export interface MeetingsAtHome {
  next: MeetingAtHome[];
  overdueItems: MeetingActionItemAtHome[];
  overdueTotal: number;
}

export const meetingDetail = meetingSummary
  .extend({
    agreementTitle: z.string(),
    agenda: z.string(),
    attendees: z.string(),
    minutes: z.string(),
    decisions: z.string(),
    sequence: z.number().int().meta({ description: "iCalendar SEQUENCE: grows with every change." }),
    createdAt: instant(),
    updatedAt: instant(),
    actionItems: z.array(meetingActionItemView),
    can: z.object({ edit: z.boolean(), addActionItem: z.boolean(), completeActionItems: z.boolean() }),
  })
  .meta({ id: "MeetingDetail" });
export type MeetingDetail = z.output<typeof meetingDetail>;

export const meetingList = z
  .object({
    agreement: z.object({ id: rowId(), title: z.string() }),
    meetings: z.array(meetingSummary).meta({ description: "Oldest first." }),
    can: z.object({ create: z.boolean() }),
  })
  .meta({ id: "MeetingList" });
export type MeetingList = z.output<typeof meetingList>;

/** The private feed of the caller's meetings: shown once, a new secret each time. */
export const calendarFeedView = z.object({ url: z.url() }).meta({ id: "CalendarFeed" });
