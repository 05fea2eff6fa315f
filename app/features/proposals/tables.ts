import { sql } from "drizzle-orm";
import { boolean, char, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "../identity/tables";
import { themes } from "../themes/tables";
import { matrixLevels, matrixMethods, matrixStages, messageKinds, partnershipMethods, proposalKinds, proposalStatuses } from "./constants";

/**
 * A proposal from a partner to a municipality, against a theme call or free.
 * Confidential: visible only to the proposer, the municipality's desk and the
 * departments the desk shared it with (features/proposals/policy.ts).
 */
export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposerOrgId: uuid("proposer_org_id")
      .notNull()
      .references(() => organizations.id),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    localGovCode: char("local_gov_code", { length: 6 }).notNull(),
    themeId: uuid("theme_id").references(() => themes.id),
    kind: text("kind", { enum: proposalKinds }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    plan: text("plan").notNull().default(""),
    benefitCitizens: text("benefit_citizens").notNull().default(""),
    benefitPartner: text("benefit_partner").notNull().default(""),
    benefitMunicipality: text("benefit_municipality").notNull().default(""),
    fields: text("fields")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    method: text("method", { enum: partnershipMethods }).notNull().default("undecided"),
    resources: text("resources").notNull().default(""),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    contactName: text("contact_name").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    status: text("status", { enum: proposalStatuses }).notNull().default("draft"),
    declineGrounds: text("decline_grounds")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    declineReason: text("decline_reason"),
    /** Set by the proposer's client so a repeated submit never creates a second proposal. */
    clientToken: text("client_token"),
    publishAgreedByDesk: boolean("publish_agreed_by_desk").notNull().default(false),
    publishAgreedByProposer: boolean("publish_agreed_by_proposer").notNull().default(false),
    publicSummary: text("public_summary"),
    searchText: text("search_text").notNull().default(""),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("proposals_client_token")
      .on(t.proposerOrgId, t.clientToken)
      .where(sql`${t.clientToken} is not null`),
    // The inbox orders by coalesce(submitted_at, updated_at) desc, id desc (drafts by their last
    // edit). Read backwards these indexes give exactly that order, so a page reads its 25 rows
    // instead of sorting every proposal the municipality ever received.
    index("proposals_inbox").on(t.municipalityId, t.status, sql`coalesce(${t.submittedAt}, ${t.updatedAt})`, t.id),
    index("proposals_inbox_recent").on(t.municipalityId, sql`coalesce(${t.submittedAt}, ${t.updatedAt})`, t.id),
    index("proposals_proposer").on(t.proposerOrgId, t.updatedAt.desc()),
    index("proposals_theme").on(t.themeId),
    index("proposals_search_trgm").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Every status change with who, when and why: the proposer's timeline. */
export const proposalEvents = pgTable(
  "proposal_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name"),
    actorOrgId: uuid("actor_org_id"),
    note: text("note"),
    grounds: text("grounds")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("proposal_events_proposal").on(t.proposalId, t.createdAt)],
);

/** Departments the desk has shared a proposal with. */
export const proposalShares = pgTable(
  "proposal_shares",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => organizations.id),
    sharedBy: uuid("shared_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.departmentId] }), index("proposal_shares_department").on(t.departmentId)],
);

/** Access log: each time city staff open a proposal (the proposer can see it). */
export const proposalViews = pgTable(
  "proposal_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    departmentId: uuid("department_id"),
    role: text("role").notNull(),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_views_proposal").on(t.proposalId, t.viewedAt.desc())],
);

/** The dialogue thread: messages and meeting notes. */
export const proposalMessages = pgTable(
  "proposal_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: messageKinds }).notNull().default("message"),
    body: text("body").notNull(),
    meetingDate: date("meeting_date"),
    attendees: text("attendees"),
    authorUserId: uuid("author_user_id").notNull(),
    authorName: text("author_name").notNull(),
    authorOrgId: uuid("author_org_id").notNull(),
    authorUnit: text("author_unit").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("proposal_messages_proposal").on(t.proposalId, t.createdAt)],
);

export const proposalActionItems = pgTable(
  "proposal_action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerName: text("owner_name").notNull(),
    dueDate: date("due_date"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("proposal_action_items_proposal").on(t.proposalId)],
);

/**
 * Who does what, per municipality: desk and department involvement for each
 * partnership method and stage. Seeded with the defaults of DOMAIN.md.
 */
export const roleMatrix = pgTable(
  "role_matrix",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    method: text("method", { enum: matrixMethods }).notNull(),
    stage: text("stage", { enum: matrixStages }).notNull(),
    desk: text("desk", { enum: matrixLevels }).notNull(),
    department: text("department", { enum: matrixLevels }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.method, t.stage] })],
);
