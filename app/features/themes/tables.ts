import { sql } from "drizzle-orm";
import { char, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "../identity/tables";
import { followKinds, themeStatuses } from "./constants";

/**
 * A theme call (テーマ型): a local issue the municipality invites partners to
 * propose on. Drafts are visible to the municipality's staff only.
 */
export const themes = pgTable(
  "themes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    /** Copied from the municipality so public lists filter without a join. */
    localGovCode: char("local_gov_code", { length: 6 }).notNull(),
    prefectureCode: char("prefecture_code", { length: 2 }).notNull(),
    departmentId: uuid("department_id").references(() => organizations.id),
    title: text("title").notNull(),
    background: text("background").notNull(),
    goal: text("goal").notNull(),
    offer: text("offer").notNull().default(""),
    fields: text("fields")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    planPolicy: text("plan_policy").notNull().default(""),
    planField: text("plan_field"),
    startsOn: date("starts_on"),
    deadline: date("deadline"),
    status: text("status", { enum: themeStatuses }).notNull().default("draft"),
    // Millisecond precision, like a JS Date: the public list pages on it with a keyset cursor.
    publishedAt: timestamp("published_at", { withTimezone: true, precision: 3 }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Normalised title + issue text for Japanese partial matching. */
    searchText: text("search_text").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Millisecond precision: the optimistic-concurrency check compares it with a JS Date.
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    // Read backwards: published_at desc, id desc, the public list's order ("desc nulls last" would not match it).
    index("themes_public").on(t.status, t.publishedAt, t.id),
    index("themes_municipality").on(t.municipalityId, t.status),
    index("themes_local_gov").on(t.localGovCode, t.status),
    index("themes_prefecture").on(t.prefectureCode, t.status),
    index("themes_deadline").on(t.deadline),
    // The count of open calls on every public list (issue 19): an index-only scan of this
    // (deadline as the last key, since an expression alone does not serve one) instead of
    // 2,000 heap blocks. listPublicThemes writes the condition the same way.
    index("themes_open").on(t.status, sql`coalesce(${t.deadline}, 'infinity'::date)`, t.publishedAt, t.deadline),
    index("themes_fields").using("gin", t.fields),
    index("themes_search_trgm").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A person following a policy field or a municipality, to hear of new themes. */
export const themeFollows = pgTable(
  "theme_follows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: followKinds }).notNull(),
    value: text("value").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("theme_follows_unique").on(t.userId, t.kind, t.value), index("theme_follows_target").on(t.kind, t.value)],
);
