// Plain constants shared by tables.ts (drizzle-kit), schema.ts (browser) and
// the calendar file.

/**
 * 推進会議 (steering, once or twice a year), 実務者会議 (working, about
 * quarterly) and the meetings of a project team (one per initiative).
 */
export const meetingKinds = ["steering", "working", "project"] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/**
 * The kind as written in calendar files. A calendar file is a Japanese
 * document (like the agreement document), not a page in the reader's language.
 */
export const calendarKindLabels: Record<MeetingKind, string> = {
  steering: "推進会議",
  working: "実務者会議",
  project: "プロジェクトチーム会議",
};

/** Meetings this long ago and later are in a personal calendar feed. */
export const FEED_PAST_DAYS = 90;
/** A meeting is announced once, this long before it starts. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
