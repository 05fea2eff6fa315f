// Plain constants shared by tables.ts (drizzle-kit) and schema.ts (browser).

export const agreementMethods = ["comprehensive", "project", "other", "procurement"] as const;
export type AgreementMethod = (typeof agreementMethods)[number];

export const agreementStatuses = ["draft", "internal_approval", "signed", "active", "renewal_review", "renewed", "ended", "terminated"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const renewalRules = ["automatic", "explicit"] as const;
export type RenewalRule = (typeof renewalRules)[number];

export const itemPriorities = ["high", "medium", "low"] as const;
/** short ≤ 1 year, mid 1–3 years, long 3–5 years (seed 002). */
export const itemHorizons = ["short", "mid", "long"] as const;

export const approvalSides = ["municipality", "partner"] as const;
export const approvalStepStatuses = ["pending", "approved", "returned"] as const;

/** The default internal approval chain of a municipality (editable per municipality). */
export const defaultApprovalChain = ["担当課長", "担当部長", "副市長", "市長"] as const;
