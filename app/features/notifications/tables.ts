import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { mailCategories, mailDeliveries } from "./constants";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    organizationId: uuid("organization_id"),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Its mail waits for the recipient's daily digest (mail_preferences: daily). */
    awaitsDigest: boolean("awaits_digest").notNull().default(false),
  },
  (t) => [
    index("notifications_user_time").on(t.userId, t.createdAt.desc()),
    index("notifications_awaiting_digest")
      .on(t.userId, t.createdAt)
      .where(sql`${t.awaitsDigest}`),
  ],
);

/** How a person wants the mail of a category; no row: at once (users.email_notifications still turns all mail off). */
export const mailPreferences = pgTable(
  "mail_preferences",
  {
    userId: uuid("user_id").notNull(),
    category: text("category", { enum: mailCategories }).notNull(),
    delivery: text("delivery", { enum: mailDeliveries }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

export const outboxStatuses = ["pending", "sent", "kept", "failed"] as const;

/**
 * Transactional outbox: a mail is written here in the same transaction as the
 * change that causes it, then delivered by a job. Without SMTP it is "kept"
 * so a platform admin can read it (and the demo shows it).
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("outbox_emails_dedupe").on(t.dedupeKey), index("outbox_emails_status").on(t.status, t.createdAt)],
);
