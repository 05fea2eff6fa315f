// Plain constants shared by tables.ts (drizzle-kit) and schema.ts (browser).

export const agreementMethods = ["comprehensive", "project", "other", "procurement"] as const;
export type AgreementMethod = (typeof agreementMethods)[number];

export const agreementStatuses = [
  "draft",
  "internal_approval",
  "signed",
  "active",
  "renewal_review",
  "renewed",
  "ended",
  "terminated",
] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const renewalRules = ["automatic", "explicit"] as const;
export type RenewalRule = (typeof renewalRules)[number];

export const itemPriorities = ["high", "medium", "low"] as const;
/** short ≤ 1 year, mid 1–3 years, long 3–5 years (seed 002). */
export const itemHorizons = ["short", "mid", "long"] as const;

export const approvalSides = ["municipality", "partner"] as const;
export const approvalStepStatuses = ["pending", "approved", "returned"] as const;

export interface ApprovalChainStep {
  label: string;
  /** Included only when the desk says this agreement needs it. */
  optional: boolean;
}

/** The default internal approval chain of a municipality (editable per municipality). */
export const defaultApprovalChain: readonly ApprovalChainStep[] = [
  { label: "担当課長", optional: false },
  { label: "担当部長", optional: false },
  { label: "副市長", optional: false },
  { label: "市長", optional: false },
  { label: "議会への報告", optional: true },
];

/** In force: signed and not yet ended or terminated. */
export const inForceStatuses = ["signed", "active", "renewal_review", "renewed"] as const satisfies readonly AgreementStatus[];

/** How far ahead the homes and the register look for an end or an objection deadline (the first renewal reminder). */
export const ATTENTION_DAYS = 180;

/**
 * What the homes point at in the register: "ending" (in force, ending or
 * reaching the deadline to object to an automatic renewal within 180 days, or
 * under renewal review) and "missingSecondary" (in force, a party without an
 * active secondary contact).
 */
export const agreementAttentions = ["ending", "missingSecondary"] as const;
export type AgreementAttention = (typeof agreementAttentions)[number];
