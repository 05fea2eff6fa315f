// Plain constants shared by tables.ts (drizzle-kit, no aliases) and schema.ts
// (browser bundle, no database code).

export const proposalStatuses = [
  "draft",
  "submitted",
  "screening",
  "declined",
  "accepted",
  "in_dialogue",
  "agreement_preparation",
  "implementing",
  "procurement",
  "withdrawn",
  "closed",
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** How the partnership would be carried out (seed 001 §7–8). */
export const partnershipMethods = ["comprehensive", "project", "other", "procurement", "undecided"] as const;
export type PartnershipMethod = (typeof partnershipMethods)[number];

/** The seven fixed grounds on which a proposal cannot be accepted (seed 001 §6). */
export const declineGrounds = [
  "individual",
  "unlawful",
  "policy_conflict",
  "political_religious",
  "public_fairness",
  "advertising_only",
  "unsuitable",
] as const;
export type DeclineGround = (typeof declineGrounds)[number];

export const proposalKinds = ["theme", "free"] as const;

export const messageKinds = ["message", "meeting"] as const;

/** Stages of the role matrix and the levels of involvement (◎ ○ △ —). */
export const matrixStages = ["intake", "coordination", "signing", "procurement", "implementation"] as const;
export type MatrixStage = (typeof matrixStages)[number];
export const matrixLevels = ["lead", "involved", "as_needed", "none", "not_applicable"] as const;
export type MatrixLevel = (typeof matrixLevels)[number];
export const matrixMethods = ["comprehensive", "project", "other", "procurement"] as const;
export type MatrixMethod = (typeof matrixMethods)[number];

/** Where the desk owes the proposer an answer: received, in screening, accepted but not yet talked through. */
export const waitingStatuses = ["submitted", "screening", "accepted"] as const satisfies readonly ProposalStatus[];
/** Where a proposal's journey has ended: nothing more happens, its age stops counting. */
export const closedStatuses = ["declined", "withdrawn", "closed"] as const satisfies readonly ProposalStatus[];
/**
 * The lists a home page links to: "waiting" (the desk's queue, oldest first)
 * and "open" (submitted and not yet ended).
 */
export const proposalQueues = ["waiting", "open"] as const;
export type ProposalQueue = (typeof proposalQueues)[number];
