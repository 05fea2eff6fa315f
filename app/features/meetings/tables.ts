import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "../identity/tables";
import { agreements } from "../agreements/tables";
import { meetingKinds } from "./constants";

/**
 * A meeting held under an agreement: a steering meeting (推進会議), a working
 * meeting (実務者会議) or a project team's meeting. Visible exactly as its
 * agreement is (to every member of every party); the owning municipality's
 * desk schedules and records it.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    /** The agreement's owning municipality (the tenant), copied for reminders and filters. */
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind", { enum: meetingKinds }).notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, precision: 3 }).notNull(),
    place: text("place").notNull().default(""),
    onlineUrl: text("online_url").notNull().default(""),
    agenda: text("agenda").notNull().default(""),
    /** Who attends, as people write it (names, units, organisations). */
    attendees: text("attendees").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    /** iCalendar SEQUENCE: one more on every change, so calendars take the new version. */
    sequence: integer("sequence").notNull().default(0),
    /** When the reminder went out; cleared when the meeting is moved. */
    remindedAt: timestamp("reminded_at", { withTimezone: true, precision: 3 }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("meetings_agreement").on(t.agreementId, t.startsAt),
    index("meetings_municipality").on(t.municipalityId, t.startsAt),
    index("meetings_created_by").on(t.createdBy),
    // The reminder job's scan: upcoming meetings not yet announced.
    index("meetings_reminder_due")
      .on(t.startsAt)
      .where(sql`${t.remindedAt} is null`),
  ],
);

/** What someone promised at a meeting, by when. */
export const meetingActionItems = pgTable(
  "meeting_action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The owner as people name them (a person, a unit or an organisation). */
    ownerName: text("owner_name").notNull(),
    /** The owner's Renkei account, when they have one: they get the overdue reminder. */
    ownerUserId: uuid("owner_user_id").references(() => users.id),
    dueDate: date("due_date").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true, precision: 3 }),
    doneBy: uuid("done_by").references(() => users.id),
    /** When the overdue reminder went out (once per item). */
    remindedAt: timestamp("reminded_at", { withTimezone: true, precision: 3 }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("meeting_action_items_meeting").on(t.meetingId, t.dueDate),
    index("meeting_action_items_agreement").on(t.agreementId),
    index("meeting_action_items_owner").on(t.ownerUserId),
    index("meeting_action_items_done_by").on(t.doneBy),
    index("meeting_action_items_created_by").on(t.createdBy),
    // The overdue job's scan: open items not yet reminded, by due date.
    index("meeting_action_items_overdue")
      .on(t.dueDate)
      .where(sql`${t.doneAt} is null and ${t.remindedAt} is null`),
  ],
);

/**
 * A person's private calendar feed: the feed URL carries a random secret,
 * only its SHA-256 is stored. One per user; rotating replaces it.
 */
export const calendarFeedTokens = pgTable("calendar_feed_tokens", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique("calendar_feed_tokens_hash"),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
