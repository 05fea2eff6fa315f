// Plain constants shared by tables.ts (drizzle-kit) and schema.ts (browser).

/** A joint initiative's state: being planned, running, paused, finished, or given up. */
export const projectStatuses = ["planning", "active", "paused", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** What a party brings to a year's plan (seed 002: 人材・資金・物資・場所・データ). */
export const resourceKinds = ["people", "money", "goods", "places", "data"] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** Whether a KPI improves as it rises (participants) or as it falls (medical cost). */
export const kpiDirections = ["increase", "decrease"] as const;
export type KpiDirection = (typeof kpiDirections)[number];

/** How often a KPI is measured: each period is a month, a fiscal quarter or a fiscal year. */
export const kpiFrequencies = ["monthly", "quarterly", "yearly"] as const;
export type KpiFrequency = (typeof kpiFrequencies)[number];

/** Months in a period of each frequency. */
export const monthsPerPeriod: Record<KpiFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * A period's measurement is expected by the end of the month after the period
 * (a month for counting and reporting); only then is it overdue.
 */
export const MEASUREMENT_GRACE_MONTHS = 1;
