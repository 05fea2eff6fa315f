import { sql } from "drizzle-orm";
import { boolean, char, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, users } from "../identity/tables";
import { proposals } from "../proposals/tables";
import {
  agreementMethods,
  agreementStatuses,
  approvalSides,
  approvalStepStatuses,
  itemHorizons,
  itemPriorities,
  renewalRules,
} from "./constants";
import type { AgreementDocumentData } from "./documents/document";

/**
 * A partnership agreement (包括連携協定 / 事業連携協定 / …) between a
 * municipality and one or more partners. Owned by the municipality's desk;
 * visible to the members of every party; its public fields are published once
 * signed and marked public.
 */
export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    localGovCode: char("local_gov_code", { length: 6 }).notNull(),
    proposalId: uuid("proposal_id").references(() => proposals.id),
    title: text("title").notNull(),
    method: text("method", { enum: agreementMethods }).notNull(),
    purpose: text("purpose").notNull().default(""),
    roles: text("roles").notNull().default(""),
    consultationBody: text("consultation_body").notNull().default(""),
    costSharing: text("cost_sharing").notNull().default(""),
    confidentiality: text("confidentiality").notNull().default(""),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    renewalRule: text("renewal_rule", { enum: renewalRules }).notNull().default("explicit"),
    renewalYears: integer("renewal_years"),
    objectionDeadline: date("objection_deadline"),
    status: text("status", { enum: agreementStatuses }).notNull().default("draft"),
    signedOn: date("signed_on"),
    ceremony: text("ceremony").notNull().default(""),
    pressRelease: text("press_release").notNull().default(""),
    publicSummary: text("public_summary").notNull().default(""),
    isPublic: boolean("is_public").notNull().default(false),
    evaluation: text("evaluation"),
    endReason: text("end_reason"),
    searchText: text("search_text").notNull().default(""),
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
    index("agreements_register").on(t.municipalityId, t.status, t.updatedAt.desc()),
    index("agreements_public").on(t.isPublic, t.localGovCode, t.signedOn.desc()),
    index("agreements_ends").on(t.endsOn),
    uniqueIndex("agreements_proposal")
      .on(t.proposalId)
      .where(sql`${t.proposalId} is not null`),
    index("agreements_search_trgm").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Two or more parties; the first is the owning municipality. */
export const agreementParties = pgTable(
  "agreement_parties",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    position: integer("position").notNull(),
    signatoryTitle: text("signatory_title").notNull().default(""),
    signatoryName: text("signatory_name").notNull().default(""),
    /**
     * The agreement's updated_at, copied here by the database (triggers in
     * migration 0017: on insert, and whenever the agreement changes), so a
     * party's register reads its newest page straight from agreement_parties_register
     * instead of sorting all its agreements (issue 19). Never written by the app.
     */
    agreementUpdatedAt: timestamp("agreement_updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organizationId] }),
    // (organization, agreement): "the agreements my organisation is a party to" is an index-only scan (see BENCHMARKS.md).
    index("agreement_parties_org").on(t.organizationId, t.agreementId),
    // Read backwards: newest first, as the register lists them ("desc nulls last" would not match the query's order).
    index("agreement_parties_register").on(t.organizationId, t.agreementUpdatedAt, t.agreementId),
  ],
);

/** 連携事項: what the parties will do together, each with an owner on both sides. */
export const agreementItems = pgTable(
  "agreement_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    field: text("field").notNull(),
    priority: text("priority", { enum: itemPriorities }).notNull().default("medium"),
    horizon: text("horizon", { enum: itemHorizons }).notNull().default("short"),
    departmentId: uuid("department_id").references(() => organizations.id),
    partnerOwner: text("partner_owner").notNull().default(""),
  },
  (t) => [index("agreement_items_agreement").on(t.agreementId, t.position), index("agreement_items_field").on(t.field)],
);

/** The municipality's internal approval chain (課長 → 部長 → 副市長 → 市長 …). */
export const approvalChains = pgTable(
  "approval_chains",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    /** A step only some agreements need (a report to the council): chosen when submitting. */
    optional: boolean("optional").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.position] })],
);

/** One approval of one agreement, recorded step by step (the partner's as received). */
export const approvalSteps = pgTable(
  "approval_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    side: text("side", { enum: approvalSides }).notNull(),
    partyOrgId: uuid("party_org_id").notNull(),
    label: text("label").notNull(),
    status: text("status", { enum: approvalStepStatuses }).notNull().default("pending"),
    approverName: text("approver_name"),
    decidedOn: date("decided_on"),
    comment: text("comment"),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
  },
  (t) => [index("approval_steps_agreement").on(t.agreementId, t.position)],
);

/** Status history with who, when and why. */
export const agreementEvents = pgTable(
  "agreement_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("agreement_events_agreement").on(t.agreementId, t.createdAt)],
);

/**
 * A municipality's own wording of the agreement document: the preamble, the
 * amendment clause and the dispute clause (the standard wording when none).
 */
export const agreementTemplates = pgTable("agreement_templates", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  preamble: text("preamble").notNull(),
  amendmentClause: text("amendment_clause").notNull(),
  disputeClause: text("dispute_clause").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * Every version of the agreement document: recorded on submission for
 * approval, on signing and on each amendment, with the data it was made from
 * (the template wording included), so that any version renders as it was.
 */
export const agreementDocumentVersions = pgTable(
  "agreement_document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    reason: text("reason").notNull().default(""),
    snapshot: jsonb("snapshot").$type<AgreementDocumentData>().notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    /** As agreement_events keep the actor's name: users belong to another feature. */
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agreement_document_versions_number").on(t.agreementId, t.version),
    index("agreement_document_versions_created_by").on(t.createdBy),
  ],
);

/**
 * Named contacts of every party: a primary and a secondary, so that a
 * transfer does not stop the partnership. Replaced contacts stay as history.
 */
export const agreementContacts = pgTable(
  "agreement_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    rank: text("rank", { enum: ["primary", "secondary"] }).notNull(),
    personName: text("person_name").notNull(),
    unit: text("unit").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("agreement_contacts_agreement").on(t.agreementId, t.organizationId),
    uniqueIndex("agreement_contacts_active_rank")
      .on(t.agreementId, t.organizationId, t.rank)
      .where(sql`${t.active}`),
  ],
);

/** When a contact leaves: what was handed over, what is open, and the joint handover meeting. */
export const agreementHandovers = pgTable(
  "agreement_handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull(),
    rank: text("rank").notNull(),
    fromName: text("from_name").notNull(),
    toName: text("to_name").notNull(),
    notes: text("notes").notNull(),
    openItems: text("open_items").notNull().default(""),
    meetingOn: date("meeting_on"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_handovers_agreement").on(t.agreementId, t.createdAt)],
);

/** Reminders already sent (180/90/30 days before the end or the objection deadline): never twice. */
export const agreementReminders = pgTable(
  "agreement_reminders",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["end", "objection"] }).notNull(),
    daysBefore: integer("days_before").notNull(),
    dueOn: date("due_on").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.kind, t.daysBefore, t.dueOn] })],
);

/**
 * A register file being imported: its cells as read, and which column holds
 * what. No agreement is written until the desk confirms; the whole import is
 * then written in one transaction. Kept afterwards as the record of where the
 * agreements came from.
 */
export const agreementImports = pgTable(
  "agreement_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    encoding: text("encoding"),
    headers: jsonb("headers").$type<string[]>().notNull(),
    rows: jsonb("rows").$type<string[][]>().notNull(),
    rowNumbers: jsonb("row_numbers").$type<number[]>().notNull(),
    mapping: jsonb("mapping").$type<Partial<Record<string, number>>>().notNull(),
    status: text("status", { enum: ["pending", "committed", "cancelled"] })
      .notNull()
      .default("pending"),
    createdCount: integer("created_count"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [
    index("agreement_imports_municipality").on(t.municipalityId, t.createdAt.desc()),
    index("agreement_imports_created_by").on(t.createdBy),
  ],
);
