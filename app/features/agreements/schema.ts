import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, email, isoDate, listOf, optional, optionalText, requiredText, whenValid } from "~/lib/validation";
import { agreementMethods, agreementStatuses, itemHorizons, itemPriorities, renewalRules, type AgreementStatus } from "./constants";
import { unknownPlaceholders, type AgreementDocumentVersionView } from "./document";

export * from "./constants";

export const agreementItemInput = z.object({
  title: requiredText(200),
  description: optionalText(2000),
  field: choice(policyFieldCodes),
  priority: z.preprocess((v) => (v === "" || v === undefined ? "medium" : v), choice(itemPriorities)),
  horizon: z.preprocess((v) => (v === "" || v === undefined ? "short" : v), choice(itemHorizons)),
  departmentId: optional(z.uuid({ error: "validation.invalidChoice" })),
  partnerOwner: optionalText(200),
});

/** One schema for the register form, the action and the API. */
export const agreementInput = z
  .object({
    title: requiredText(200),
    method: choice(agreementMethods),
    /** Partner organisations besides the owning municipality (at least one). */
    partnerIds: listOf(z.uuid({ error: "validation.invalidChoice" }), 50).refine((v) => v.length > 0, { error: "validation.partnersRequired" }),
    purpose: requiredText(4000),
    roles: optionalText(4000),
    consultationBody: optionalText(2000),
    costSharing: optionalText(2000),
    confidentiality: optionalText(2000),
    startsOn: optional(isoDate()),
    endsOn: optional(isoDate()),
    renewalRule: z.preprocess((v) => (v === "" || v === undefined ? "explicit" : v), choice(renewalRules)),
    renewalYears: optional(z.coerce.number({ error: "validation.invalid" }).int().min(1, { error: "validation.invalid" }).max(10, { error: "validation.invalid" })),
    objectionDeadline: optional(isoDate()),
    items: z.array(agreementItemInput).max(100, { error: "validation.tooMany" }).default([]),
  })
  .refine((v) => typeof v.startsOn !== "string" || typeof v.endsOn !== "string" || v.startsOn < v.endsOn, {
    path: ["endsOn"],
    error: "validation.periodOrder",
    when: whenValid("startsOn", "endsOn"),
  })
  .refine((v) => v.renewalRule !== "automatic" || (v.renewalYears && v.objectionDeadline), {
    path: ["renewalYears"],
    error: "validation.automaticRenewal",
    when: whenValid("renewalRule", "renewalYears", "objectionDeadline"),
  });
export type AgreementInput = z.output<typeof agreementInput>;

export const approvalDecisionInput = z.object({
  stepId: z.uuid({ error: "validation.invalidChoice" }),
  decision: choice(["approved", "returned"] as const),
  approverName: requiredText(100),
  decidedOn: isoDate(),
  comment: optionalText(2000),
});

export const signInput = z.object({ signedOn: isoDate(), ceremony: optionalText(2000), pressRelease: optionalText(8000), publicSummary: optionalText(4000), isPublic: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false) });
export const transitionNoteInput = z.object({ note: optionalText(4000) });
/** Submitting for approval: which of the chain's optional steps (by label) this agreement needs. */
export const submitForApprovalInput = transitionNoteInput.extend({ includeSteps: listOf(z.string().max(60), 12) });

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
/** A municipality's approval chain: 1–12 steps in order, labels unique. */
export const approvalChainInput = z.object({
  steps: z
    .array(z.object({ label: requiredText(60), optional: checkbox.default(false) }))
    .min(1, { error: "validation.approvalChain.empty" })
    .max(12, { error: "validation.tooMany" })
    .refine((steps) => new Set(steps.map((s) => s.label)).size === steps.length, { error: "validation.approvalChain.duplicate" })
    .refine((steps) => steps.some((s) => !s.optional), { error: "validation.approvalChain.allOptional" }),
});
export type ApprovalChainInput = z.output<typeof approvalChainInput>;

export interface ApprovalChainView {
  steps: { label: string; optional: boolean }[];
  /** True while the municipality uses the standard chain. */
  isDefault: boolean;
  editable: boolean;
}
/** The overall evaluation, and the end of the renewed term when the parties agreed one (else the renewal period, or a term as long as the last). */
export const renewInput = z.object({ evaluation: requiredText(8000), endsOn: optional(isoDate()) });
export const endInput = z.object({ reason: requiredText(4000) });

export const agreementListInput = z.object({
  status: optional(choice(agreementStatuses)),
  method: optional(choice(agreementMethods)),
  field: optional(choice(policyFieldCodes)),
  q: optionalText(100),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(50),
  cursor: optional(z.string().max(300)),
});
export type AgreementListInput = z.output<typeof agreementListInput>;

export interface AgreementSummary {
  id: string;
  /** Some party has no active secondary contact. */
  missingSecondary: boolean;
  title: string;
  method: string;
  status: AgreementStatus;
  municipalityName: string;
  localGovCode: string;
  partnerNames: string[];
  fields: string[];
  startsOn: string | null;
  endsOn: string | null;
  signedOn: string | null;
}

export interface AgreementDetail extends AgreementSummary {
  municipalityId: string;
  proposalId: string | null;
  purpose: string;
  roles: string;
  consultationBody: string;
  costSharing: string;
  confidentiality: string;
  renewalRule: string;
  renewalYears: number | null;
  objectionDeadline: string | null;
  ceremony: string;
  pressRelease: string;
  publicSummary: string;
  isPublic: boolean;
  evaluation: string | null;
  endReason: string | null;
  parties: { organizationId: string; name: string; kind: string; position: number }[];
  items: { id: string; title: string; description: string; field: string; priority: string; horizon: string; departmentId: string | null; departmentName: string | null; partnerOwner: string }[];
  approvals: { id: string; side: string; partyName: string; label: string; status: string; approverName: string | null; decidedOn: string | null; comment: string | null }[];
  timeline: { fromStatus: string | null; toStatus: string; actorName: string | null; note: string | null; at: string }[];
  updatedAt: string;
  contacts: ContactView[];
  handovers: HandoverView[];
  /** Parties without a secondary contact: one transfer away from a stalled partnership. */
  missingSecondaryParties: string[];
  can: { edit: boolean; transitions: string[]; recordApproval: boolean; contactsFor: string[]; amend: boolean; editTemplate: boolean };
  /** Versions of the agreement document, oldest first. */
  documentVersions: AgreementDocumentVersionView[];
  /** When the desk may submit for approval: the chain's optional steps it may include. */
  optionalApprovalSteps: string[];
}

/** POST /agreements/:id/amend: a new version of the document, with why. */
export const amendInput = z.object({ reason: requiredText(2000) });

/** A template clause: required, and only the placeholders we know how to fill. */
const templateText = (max: number) => requiredText(max).refine((v) => unknownPlaceholders(v).length === 0, { error: "validation.invalid" });

export const agreementTemplateInput = z.object({
  preamble: templateText(4000),
  amendmentClause: templateText(4000),
  disputeClause: templateText(4000),
});
export type AgreementTemplateInput = z.output<typeof agreementTemplateInput>;

export interface AgreementTemplateView {
  preamble: string;
  amendmentClause: string;
  disputeClause: string;
  /** Null while the municipality uses the standard wording. */
  updatedAt: string | null;
}

export const contactInput = z.object({
  organizationId: z.uuid({ error: "validation.invalidChoice" }),
  rank: choice(["primary", "secondary"] as const),
  personName: requiredText(100),
  unit: optionalText(200),
  email: optional(email()),
  phone: optionalText(30),
});

/** Replacing a contact who leaves: the new person and the handover record. */
export const handoverInput = z.object({
  contactId: z.uuid({ error: "validation.invalidChoice" }),
  personName: requiredText(100),
  unit: optionalText(200),
  email: optional(email()),
  phone: optionalText(30),
  notes: requiredText(4000),
  openItems: optionalText(4000),
  meetingOn: optional(isoDate()),
});

export interface ContactView {
  id: string;
  organizationId: string;
  partyName: string;
  rank: "primary" | "secondary";
  personName: string;
  unit: string;
  email: string;
  phone: string;
}

export interface HandoverView {
  partyName: string;
  rank: string;
  fromName: string;
  toName: string;
  notes: string;
  openItems: string;
  meetingOn: string | null;
  at: string;
}
