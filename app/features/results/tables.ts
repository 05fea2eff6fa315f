import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "../identity/tables";
import { agreementItems, agreements } from "../agreements/tables";
import { kpiDirections, kpiFrequencies, projectStatuses } from "./constants";
import type { PlanMilestone, PlanResource } from "./schema";
import type { HealthFactor } from "./health/factors";

/**
 * A joint initiative (連携事業) carried out under one or more cooperation items
 * of an agreement. Visible exactly as its agreement is (to every member of
 * every party); the owning desk and the lead department run it.
 */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The municipality whose desk runs the agreement (the tenant), copied for lists and homes. */
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    /** Policy field code (lib/policy-fields), for the dashboards per field. */
    field: text("field").notNull(),
    /** The department (an organisation of kind department) that leads it. */
    leadDepartmentId: uuid("lead_department_id")
      .notNull()
      .references(() => organizations.id),
    /** The partner organisation that carries it with the city, and who there owns it. */
    partnerOrgId: uuid("partner_org_id").references(() => organizations.id),
    partnerOwner: text("partner_owner").notNull().default(""),
    status: text("status", { enum: projectStatuses }).notNull().default("planning"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
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
    index("projects_agreement").on(t.agreementId, t.createdAt),
    index("projects_municipality").on(t.municipalityId, t.field),
    index("projects_lead_department").on(t.leadDepartmentId),
    index("projects_partner").on(t.partnerOrgId),
    index("projects_created_by").on(t.createdBy),
  ],
);

/** Which cooperation items a project carries out (one or more). */
export const projectItems = pgTable(
  "project_items",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => agreementItems.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.itemId] }), index("project_items_item").on(t.itemId)],
);

/** A project's plan for one fiscal year (April–March): goals, activities, what each party brings, milestones. */
export const projectPlans = pgTable(
  "project_plans",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    goals: text("goals").notNull(),
    activities: text("activities").notNull().default(""),
    resources: jsonb("resources").$type<PlanResource[]>().notNull().default([]),
    milestones: jsonb("milestones").$type<PlanMilestone[]>().notNull().default([]),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.fiscalYear] }), index("project_plans_updated_by").on(t.updatedBy)],
);

/**
 * A SMART key performance indicator of a project: what is counted, in which
 * unit, from which baseline to which target by when, how often, from where
 * and by whom. Parties choose which KPIs the public agreement page shows.
 */
export const kpis = pgTable(
  "kpis",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** Copied from the project, so dashboards and the health job read one table. */
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    definition: text("definition").notNull(),
    unit: text("unit").notNull(),
    baselineValue: doublePrecision("baseline_value").notNull(),
    baselineOn: date("baseline_on").notNull(),
    targetValue: doublePrecision("target_value").notNull(),
    targetOn: date("target_on").notNull(),
    direction: text("direction", { enum: kpiDirections }).notNull(),
    frequency: text("frequency", { enum: kpiFrequencies }).notNull(),
    dataSource: text("data_source").notNull(),
    ownerName: text("owner_name").notNull(),
    isPublic: boolean("is_public").notNull().default(false),
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
    index("kpis_project").on(t.projectId, t.createdAt),
    index("kpis_agreement").on(t.agreementId),
    index("kpis_municipality").on(t.municipalityId),
    index("kpis_created_by").on(t.createdBy),
    check("kpis_target_after_baseline", sql`${t.targetOn} > ${t.baselineOn}`),
  ],
);

/** One period's value of a KPI (the period starts on `periodStart`: a month, a fiscal quarter or a fiscal year). */
export const kpiMeasurements = pgTable(
  "kpi_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kpiId: uuid("kpi_id")
      .notNull()
      .references(() => kpis.id, { onDelete: "cascade" }),
    periodStart: date("period_start").notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note").notNull().default(""),
    /** Where the figure comes from: a report's or a page's address (http/https only). */
    evidenceUrl: text("evidence_url").notNull().default(""),
    enteredBy: uuid("entered_by")
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kpi_measurements_period").on(t.kpiId, t.periodStart), index("kpi_measurements_entered_by").on(t.enteredBy)],
);

/** How often an agreement's meetings are expected (months), when the parties agreed on other than the default. */
export const agreementCadences = pgTable("agreement_cadences", {
  agreementId: uuid("agreement_id")
    .primaryKey()
    .references(() => agreements.id, { onDelete: "cascade" }),
  steeringMonths: integer("steering_months").notNull(),
  workingMonths: integer("working_months").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * The latest health score of an agreement in force (signed to renewed), with
 * its factors as computed (health/factors.ts); removed when it ends.
 */
export const agreementHealth = pgTable(
  "agreement_health",
  {
    agreementId: uuid("agreement_id")
      .primaryKey()
      .references(() => agreements.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id),
    score: integer("score").notNull(),
    factors: jsonb("factors").$type<HealthFactor[]>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // The desk's home and the digest: a municipality's agreements, worst first.
  (t) => [index("agreement_health_municipality").on(t.municipalityId, t.score)],
);

/** One score per agreement and day, for the trend. */
export const agreementHealthHistory = pgTable(
  "agreement_health_history",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    score: integer("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.day] })],
);

/** The weekly mail to a desk about its agreements going quiet: one per municipality and week, however often the job runs. */
export const healthDigests = pgTable(
  "health_digests",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The Monday of the week (Japan time). */
    weekOf: date("week_of").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.weekOf] })],
);
