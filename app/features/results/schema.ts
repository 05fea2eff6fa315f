// Inputs (one schema for the form, the action and the API) and the views of
// projects, their yearly plans, KPIs and measurements. Safe in the browser:
// no server code.
import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import {
  choice,
  decimal,
  isIsoDate,
  isoDate,
  listOf,
  optional,
  optionalText,
  optionalWebUrl,
  requiredIsoDate,
  requiredText,
  whenValid,
} from "~/lib/validation";
import { calendarDay, instant, rowId } from "~/lib/api-schemas";
import { kpiDirections, kpiFrequencies, projectStatuses, resourceKinds } from "./constants";
import { kpiStandings } from "./progress";
import { healthFactorCodes } from "./health/factors";

export * from "./constants";

const checkbox = () => z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

type Term = { startsOn?: unknown; endsOn?: unknown };
const termInOrder = (v: Term) => typeof v.startsOn !== "string" || typeof v.endsOn !== "string" || v.startsOn < v.endsOn;

export const projectInput = z
  .object({
    title: requiredText(200),
    summary: optionalText(4000),
    /** The agreement's cooperation items the project carries out (one or more). */
    itemIds: listOf(z.uuid({ error: "validation.invalidChoice" }), 100).refine((ids) => ids.length > 0, {
      error: "validation.projectItems",
    }),
    /** The policy field; the first item's when not given. */
    field: optional(choice(policyFieldCodes)),
    leadDepartmentId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "validation.selectRequired" })),
    partnerOrgId: optional(z.uuid({ error: "validation.invalidChoice" })),
    partnerOwner: optionalText(200),
    status: z.preprocess((v) => (v === "" || v === undefined ? "planning" : v), choice(projectStatuses)),
    startsOn: optional(isoDate()),
    endsOn: optional(isoDate()),
  })
  .refine(termInOrder, { path: ["endsOn"], error: "validation.periodOrder", when: whenValid("startsOn", "endsOn") });
export type ProjectInput = z.output<typeof projectInput>;

export const planResource = z.object({
  /** The party that brings it (an organisation of the agreement). */
  partyOrgId: z.uuid({ error: "validation.selectRequired" }),
  kind: choice(resourceKinds),
  description: requiredText(500),
});
export type PlanResource = z.output<typeof planResource>;

export const planMilestone = z.object({
  title: requiredText(200),
  dueOn: isoDate(),
  doneOn: optional(isoDate()),
});
export type PlanMilestone = z.output<typeof planMilestone>;

/** A row of a repeating group the form left empty (spare rows of the page without JavaScript). */
const isBlankRow = (row: unknown) =>
  !row ||
  typeof row !== "object" ||
  Object.values(row).every((v) => v === undefined || v === null || (typeof v === "string" && v.trim() === ""));
const rowsOf = <T extends z.ZodType>(row: T) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v.map((r) => (isBlankRow(r) ? undefined : r)) : v === undefined || v === "" ? [] : v),
    z.array(row.optional()).max(30, { error: "validation.tooMany" }),
  );

/** A project's plan for one fiscal year: goals, activities, what each party brings, milestones. */
export const planInput = z.object({
  goals: requiredText(4000),
  activities: optionalText(8000),
  resources: rowsOf(planResource),
  milestones: rowsOf(planMilestone),
});
export type PlanInput = z.output<typeof planInput>;

type Targets = { baselineValue?: unknown; targetValue?: unknown; baselineOn?: unknown; targetOn?: unknown; direction?: unknown };
const targetAfterBaseline = (v: Targets) => typeof v.baselineOn !== "string" || typeof v.targetOn !== "string" || v.targetOn > v.baselineOn;
const movesTheWantedWay = (want: "increase" | "decrease") => (v: Targets) =>
  v.direction !== want ||
  typeof v.baselineValue !== "number" ||
  typeof v.targetValue !== "number" ||
  (want === "increase" ? v.targetValue > v.baselineValue : v.targetValue < v.baselineValue);

/**
 * A SMART KPI: specific (a name and how it is counted), measurable (a unit,
 * numbers, a data source), achievable (a baseline to judge the target by),
 * relevant (it belongs to a project's cooperation item) and time-bound (a
 * target date). A vague KPI is refused with a reason per field.
 */
export const kpiInput = z
  .object({
    name: requiredText(200, "validation.kpi.name"),
    definition: requiredText(2000, "validation.kpi.definition"),
    unit: requiredText(30, "validation.kpi.unit"),
    baselineValue: decimal("validation.kpi.baselineValue"),
    baselineOn: requiredIsoDate("validation.kpi.baselineOn"),
    targetValue: decimal("validation.kpi.targetValue"),
    targetOn: requiredIsoDate("validation.kpi.targetOn"),
    direction: z.preprocess((v) => (v === "" || v === undefined ? "increase" : v), choice(kpiDirections)),
    frequency: choice(kpiFrequencies),
    dataSource: requiredText(500, "validation.kpi.dataSource"),
    ownerName: requiredText(200, "validation.kpi.ownerName"),
    /** Shown on the public agreement page (the parties decide). */
    isPublic: checkbox(),
  })
  .refine(targetAfterBaseline, {
    path: ["targetOn"],
    error: "validation.kpi.targetAfterBaseline",
    when: whenValid("baselineOn", "targetOn"),
  })
  .refine(movesTheWantedWay("increase"), {
    path: ["targetValue"],
    error: "validation.kpi.targetAbove",
    when: whenValid("baselineValue", "targetValue", "direction"),
  })
  .refine(movesTheWantedWay("decrease"), {
    path: ["targetValue"],
    error: "validation.kpi.targetBelow",
    when: whenValid("baselineValue", "targetValue", "direction"),
  });
export type KpiInput = z.output<typeof kpiInput>;

/** One period's figure. Entering a period again replaces its figure. */
export const measurementInput = z.object({
  /** The first day of the period (a month, a fiscal quarter or a fiscal year, by the KPI's frequency). */
  periodStart: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string({ error: "validation.selectRequired" }).refine(isIsoDate, { error: "validation.kpi.period" }),
  ),
  value: decimal(),
  note: optionalText(2000),
  evidenceUrl: optionalWebUrl(),
});
export type MeasurementInput = z.output<typeof measurementInput>;

const named = z.object({ id: rowId(), name: z.string() });

export const kpiSummary = z
  .object({
    id: rowId(),
    projectId: rowId(),
    name: z.string(),
    unit: z.string(),
    baselineValue: z.number(),
    baselineOn: calendarDay(),
    targetValue: z.number(),
    targetOn: calendarDay(),
    direction: z.enum(kpiDirections),
    frequency: z.enum(kpiFrequencies),
    isPublic: z.boolean(),
    latest: z.object({ periodStart: calendarDay(), value: z.number() }).nullable(),
    standing: z
      .enum(kpiStandings)
      .meta({ description: "achieved, on_track (within a tenth of a straight line to the target), behind, or no_data." }),
    /** The latest period whose figure is due (its end plus a month) and missing, if any. */
    overduePeriod: calendarDay().nullable(),
  })
  .meta({ id: "KpiSummary" });
export type KpiSummary = z.output<typeof kpiSummary>;

export const measurementView = z
  .object({
    id: rowId(),
    periodStart: calendarDay(),
    value: z.number(),
    note: z.string(),
    evidenceUrl: z.string(),
    enteredByName: z.string().nullable(),
    enteredAt: instant(),
  })
  .meta({ id: "KpiMeasurement" });
export type MeasurementView = z.output<typeof measurementView>;

export const kpiDetail = kpiSummary
  .extend({
    definition: z.string(),
    dataSource: z.string(),
    ownerName: z.string(),
    project: z.object({ id: rowId(), title: z.string() }),
    agreement: z.object({ id: rowId(), title: z.string() }),
    measurements: z.array(measurementView).meta({ description: "Oldest period first." }),
    /** Periods from the baseline to the target, for entering a figure. */
    periods: z.array(calendarDay()),
    createdAt: instant(),
    updatedAt: instant(),
    can: z.object({ edit: z.boolean(), record: z.boolean() }),
  })
  .meta({ id: "KpiDetail" });
export type KpiDetail = z.output<typeof kpiDetail>;

export const projectSummary = z
  .object({
    id: rowId(),
    agreementId: rowId(),
    title: z.string(),
    field: z.enum(policyFieldCodes),
    status: z.enum(projectStatuses),
    leadDepartment: named,
    partner: named.nullable(),
    partnerOwner: z.string(),
    startsOn: calendarDay().nullable(),
    endsOn: calendarDay().nullable(),
    itemIds: z.array(rowId()),
    kpiCount: z.number().int(),
    behindCount: z.number().int().meta({ description: "KPIs behind their straight line to the target." }),
  })
  .meta({ id: "ProjectSummary" });
export type ProjectSummary = z.output<typeof projectSummary>;

export const planView = z
  .object({
    fiscalYear: z.number().int(),
    goals: z.string(),
    activities: z.string(),
    resources: z.array(z.object({ partyOrgId: rowId(), partyName: z.string(), kind: z.enum(resourceKinds), description: z.string() })),
    milestones: z.array(z.object({ title: z.string(), dueOn: calendarDay(), doneOn: calendarDay().nullable(), late: z.boolean() })),
    updatedAt: instant(),
  })
  .meta({ id: "ProjectPlan" });
export type PlanView = z.output<typeof planView>;

export const projectDetail = projectSummary
  .extend({
    summary: z.string(),
    agreement: z.object({ id: rowId(), title: z.string() }),
    parties: z.array(named).meta({ description: "The agreement's parties, the municipality first." }),
    items: z.array(z.object({ id: rowId(), title: z.string(), field: z.string() })),
    plans: z.array(planView).meta({ description: "Newest fiscal year first." }),
    kpis: z.array(kpiSummary),
    createdAt: instant(),
    updatedAt: instant(),
    can: z.object({ edit: z.boolean(), addKpi: z.boolean(), plan: z.boolean(), record: z.boolean() }),
  })
  .meta({ id: "ProjectDetail" });
export type ProjectDetail = z.output<typeof projectDetail>;

/** The projects of an agreement, by cooperation item (an item with none is not started). */
export const agreementProjects = z
  .object({
    agreement: z.object({ id: rowId(), title: z.string() }),
    items: z.array(z.object({ id: rowId(), title: z.string(), field: z.string(), projectIds: z.array(rowId()) })),
    projects: z.array(projectSummary),
    can: z.object({ create: z.boolean() }),
  })
  .meta({ id: "AgreementProjects" });
export type AgreementProjects = z.output<typeof agreementProjects>;

/** A project's input as it stands (the base a PATCH and the edit form start from). */
export const projectInputOf = (p: ProjectDetail) => ({
  title: p.title,
  summary: p.summary,
  itemIds: p.itemIds,
  field: p.field,
  leadDepartmentId: p.leadDepartment.id,
  partnerOrgId: p.partner?.id ?? null,
  partnerOwner: p.partnerOwner,
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
});

/** A KPI's input as it stands. */
export const kpiInputOf = (k: KpiDetail) => ({
  name: k.name,
  definition: k.definition,
  unit: k.unit,
  baselineValue: k.baselineValue,
  baselineOn: k.baselineOn,
  targetValue: k.targetValue,
  targetOn: k.targetOn,
  direction: k.direction,
  frequency: k.frequency,
  dataSource: k.dataSource,
  ownerName: k.ownerName,
  isPublic: k.isPublic,
});

/** What the project form offers: the agreement's items (with the department carrying each), departments, partners. */
export interface ProjectFormChoices {
  agreement: { id: string; title: string };
  items: { id: string; title: string; departmentId: string | null }[];
  departments: { id: string; name: string }[];
  partners: { id: string; name: string }[];
}

/** The agreement's expected meeting cadence in months (default: steering yearly, working quarterly). */
export const cadenceInput = z.object({
  steeringMonths: z.coerce
    .number({ error: "validation.invalid" })
    .int({ error: "validation.invalid" })
    .min(1, { error: "validation.cadence" })
    .max(24, { error: "validation.cadence" }),
  workingMonths: z.coerce
    .number({ error: "validation.invalid" })
    .int({ error: "validation.invalid" })
    .min(1, { error: "validation.cadence" })
    .max(12, { error: "validation.cadence" }),
});
export type CadenceInput = z.output<typeof cadenceInput>;

export const healthFactorView = z
  .object({
    code: z.enum(healthFactorCodes),
    label: z.string().meta({ description: "Japanese." }),
    value: z.number().meta({ description: "Days, or a count, as the label says." }),
    weight: z.number(),
    points: z.number().meta({ description: "Points lost (0 … weight)." }),
    advice: z.string().meta({ description: "One sentence in Japanese; empty when nothing is lost." }),
  })
  .meta({ id: "HealthFactor" });
export type HealthFactorView = z.output<typeof healthFactorView>;

export const agreementHealthView = z
  .object({
    agreementId: rowId(),
    title: z.string(),
    score: z.number().int().nullable().meta({ description: "0–100; null when the agreement is not in force (not signed yet, or over)." }),
    computedAt: instant().nullable(),
    factors: z.array(healthFactorView).meta({ description: "Costliest first." }),
    history: z
      .array(z.object({ day: calendarDay(), score: z.number().int() }))
      .meta({ description: "One score a day, oldest first (the last 400 days)." }),
    cadence: z.object({ steeringMonths: z.number().int(), workingMonths: z.number().int() }),
    can: z.object({ setCadence: z.boolean() }),
  })
  .meta({ id: "AgreementHealth" });
export type AgreementHealthView = z.output<typeof agreementHealthView>;

/** An agreement going quiet, on the desk's home: its score and its costliest factor. */
export interface QuietAgreement {
  agreementId: string;
  title: string;
  score: number;
  topReason: HealthFactorView["code"] | null;
}
