import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, email, isoDate, listOf, optional, optionalText, requiredText, whenValid } from "~/lib/validation";
import { calendarDay, instant, rowId } from "~/lib/api-schemas";
import {
  agreementAttentions,
  agreementMethods,
  agreementStatuses,
  approvalSides,
  approvalStepStatuses,
  itemHorizons,
  itemPriorities,
  renewalRules,
} from "./constants";
import { unknownPlaceholders } from "./documents/document";

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

const agreementShape = {
  title: requiredText(200),
  method: choice(agreementMethods),
  /** Partner organisations besides the owning municipality (at least one). */
  partnerIds: listOf(z.uuid({ error: "validation.invalidChoice" }), 50),
  purpose: requiredText(4000),
  roles: optionalText(4000),
  consultationBody: optionalText(2000),
  costSharing: optionalText(2000),
  confidentiality: optionalText(2000),
  startsOn: optional(isoDate()),
  endsOn: optional(isoDate()),
  renewalRule: z.preprocess((v) => (v === "" || v === undefined ? "explicit" : v), choice(renewalRules)),
  renewalYears: optional(
    z.coerce.number({ error: "validation.invalid" }).int().min(1, { error: "validation.invalid" }).max(10, { error: "validation.invalid" }),
  ),
  objectionDeadline: optional(isoDate()),
  items: z.array(agreementItemInput).max(100, { error: "validation.tooMany" }).default([]),
};

type AgreementDates = { startsOn?: unknown; endsOn?: unknown; renewalRule?: unknown; renewalYears?: unknown; objectionDeadline?: unknown };
const termInOrder = (v: AgreementDates) => typeof v.startsOn !== "string" || typeof v.endsOn !== "string" || v.startsOn < v.endsOn;
const termOrderIssue = { path: ["endsOn"], error: "validation.periodOrder" as const, when: whenValid("startsOn", "endsOn") };
const automaticRenewalComplete = (v: AgreementDates) => v.renewalRule !== "automatic" || Boolean(v.renewalYears && v.objectionDeadline);
const automaticRenewalIssue = {
  path: ["renewalYears"],
  error: "validation.automaticRenewal" as const,
  when: whenValid("renewalRule", "renewalYears", "objectionDeadline"),
};
const partnersRequired = { path: ["partnerIds"], error: "validation.partnersRequired" as const };

/** One schema for the register (the action after the form is read, and the API). */
export const agreementInput = z
  .object(agreementShape)
  .refine((v) => v.partnerIds.length > 0, { ...partnersRequired, when: whenValid("partnerIds") })
  .refine(termInOrder, termOrderIssue)
  .refine(automaticRenewalComplete, automaticRenewalIssue);

/**
 * The register form as it is posted: spare item rows (no title, or marked for removal) count as
 * absent, keeping each row's index so a message lands on its own row; and
 * partners may also be typed as 法人番号 (partnerCodes), which the server looks up.
 */
export const agreementFormInput = z
  .object({
    ...agreementShape,
    partnerCodes: optionalText(2000),
    items: z
      .array(z.preprocess((row) => (isSpareRow(row) ? undefined : row), agreementItemInput.optional()))
      .max(100, { error: "validation.tooMany" })
      .default([]),
  })
  .refine((v) => v.partnerIds.length > 0 || Boolean(v.partnerCodes), { ...partnersRequired, when: whenValid("partnerIds", "partnerCodes") })
  .refine(termInOrder, termOrderIssue)
  .refine(automaticRenewalComplete, automaticRenewalIssue);

/** A row of the form's item table left without a title, or marked for removal (the page without JavaScript). */
export function isSpareRow(row: unknown): boolean {
  if (!row || typeof row !== "object") return true;
  const { title, remove } = row as { title?: unknown; remove?: unknown };
  return typeof title !== "string" || title.trim() === "" || remove === "on";
}
export type AgreementInput = z.output<typeof agreementInput>;

export const approvalDecisionInput = z.object({
  stepId: z.uuid({ error: "validation.invalidChoice" }),
  decision: choice(["approved", "returned"] as const),
  approverName: requiredText(100),
  decidedOn: isoDate(),
  comment: optionalText(2000),
});

export const signInput = z.object({
  signedOn: isoDate(),
  ceremony: optionalText(2000),
  pressRelease: optionalText(8000),
  publicSummary: optionalText(4000),
  isPublic: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});
export const transitionNoteInput = z.object({ note: optionalText(4000) });
/** Submitting for approval: which of the chain's optional steps (by label) this agreement needs. */
export const submitForApprovalInput = transitionNoteInput.extend({ includeSteps: listOf(z.string().max(60), 12) });

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
/** The most steps an approval chain has (the settings form shows at most this many rows). */
export const maxApprovalSteps = 12;

/** A municipality's approval chain: 1–12 steps in order, labels unique. */
export const approvalChainInput = z.object({
  steps: z
    .array(z.object({ label: requiredText(60), optional: checkbox.default(false) }))
    .min(1, { error: "validation.approvalChain.empty" })
    .max(maxApprovalSteps, { error: "validation.tooMany" })
    .refine((steps) => new Set(steps.map((s) => s.label)).size === steps.length, { error: "validation.approvalChain.duplicate" })
    .refine((steps) => steps.some((s) => !s.optional), { error: "validation.approvalChain.allOptional" }),
});
export type ApprovalChainInput = z.output<typeof approvalChainInput>;

/** The settings form as posted: rows left without a label are its spare rows. */
export const approvalChainFormInput = z.object({
  steps: z.preprocess((rows) => (Array.isArray(rows) ? rows.filter((row) => !isBlankStep(row)) : rows), approvalChainInput.shape.steps),
});

function isBlankStep(row: unknown): boolean {
  const label = row && typeof row === "object" ? (row as { label?: unknown }).label : undefined;
  return typeof label !== "string" || label.trim() === "";
}

export const approvalChainView = z
  .object({
    steps: z.array(z.object({ label: z.string(), optional: z.boolean() })),
    isDefault: z.boolean().meta({ description: "True while the municipality uses the standard chain." }),
    editable: z.boolean(),
  })
  .meta({ id: "ApprovalChain" });
export type ApprovalChainView = z.output<typeof approvalChainView>;

/** The overall evaluation, and the end of the renewed term when the parties agreed one (else the renewal period, or a term as long as the last). */
export const renewInput = z.object({ evaluation: requiredText(8000), endsOn: optional(isoDate()) });
export const endInput = z.object({ reason: requiredText(4000) });

export const agreementListInput = z.object({
  status: optional(choice(agreementStatuses)),
  attention: optional(choice(agreementAttentions)).meta({
    description:
      "ending: in force and ending, or reaching the deadline to object to an automatic renewal, within 180 days, or under renewal review; missingSecondary: in force with a party that has no active secondary contact.",
  }),
  method: optional(choice(agreementMethods)),
  field: optional(choice(policyFieldCodes)),
  q: optionalText(100),
  health: optional(
    z
      .string({ error: "validation.invalid" })
      .regex(/^below:(100|[1-9]?\d)$/, { error: "validation.invalid" })
      .transform((v) => Number(v.slice("below:".length))),
  ).meta({ description: "below:N: agreements in force whose latest health score is under N (0–100)." }),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(50),
  cursor: optional(z.string().max(300)),
});
export type AgreementListInput = z.output<typeof agreementListInput>;

export const agreementSummary = z
  .object({
    id: rowId(),
    missingSecondary: z.boolean().meta({ description: "Some party has no active secondary contact." }),
    title: z.string(),
    method: z.enum(agreementMethods),
    status: z.enum(agreementStatuses),
    municipalityName: z.string(),
    localGovCode: z.string(),
    partnerNames: z.array(z.string()).meta({
      description: "The other parties: every party but the caller's organisation (in the public register, but the municipality).",
    }),
    fields: z.array(z.string()),
    startsOn: calendarDay().nullable(),
    endsOn: calendarDay().nullable(),
    signedOn: calendarDay().nullable(),
  })
  .meta({ id: "AgreementSummary" });
export type AgreementSummary = z.output<typeof agreementSummary>;

/** An agreement that needs attention on a home page: what falls due next, and whether the objection deadline has passed. */
export interface AgreementAtHome extends AgreementSummary {
  /** The next of its end and its objection deadline, when one is ahead. */
  dueOn: string | null;
  due: "end" | "objection" | null;
  objectionPassed: boolean;
}

/** An agreement item a department carries out, on the department's home. */
export interface AgreementItemAtHome {
  id: string;
  title: string;
  field: string;
  agreementId: string;
  agreementTitle: string;
}

/** What a home page shows of agreements, as the caller may see them. */
export interface AgreementsAtHome {
  counts: Record<string, number>;
  attention: AgreementAtHome[];
  attentionTotal: number;
  missingSecondaryTotal: number;
  /** In force, most recently changed first (for partners). */
  inForce: AgreementSummary[];
  inForceTotal: number;
  /** The department's own items (department staff only). */
  departmentItems: AgreementItemAtHome[];
}

export const contactView = z
  .object({
    id: rowId(),
    organizationId: rowId(),
    partyName: z.string(),
    rank: z.enum(["primary", "secondary"]),
    personName: z.string(),
    unit: z.string(),
    email: z.string(),
    phone: z.string(),
  })
  .meta({ id: "AgreementContact" });
export type ContactView = z.output<typeof contactView>;

export const handoverView = z
  .object({
    partyName: z.string(),
    rank: z.string(),
    fromName: z.string(),
    toName: z.string(),
    notes: z.string(),
    openItems: z.string(),
    meetingOn: calendarDay().nullable(),
    at: instant(),
  })
  .meta({ id: "AgreementHandover" });
export type HandoverView = z.output<typeof handoverView>;

export const agreementDocumentVersion = z
  .object({ version: z.number().int(), reason: z.string(), createdByName: z.string().nullable(), createdAt: instant() })
  .meta({ id: "AgreementDocumentVersion" });

export const agreementDetail = agreementSummary
  .extend({
    municipalityId: rowId(),
    proposalId: rowId().nullable(),
    purpose: z.string(),
    roles: z.string(),
    consultationBody: z.string(),
    costSharing: z.string(),
    confidentiality: z.string(),
    renewalRule: z.enum(renewalRules),
    renewalYears: z.number().int().nullable(),
    objectionDeadline: calendarDay().nullable(),
    ceremony: z.string(),
    pressRelease: z.string(),
    publicSummary: z.string(),
    isPublic: z.boolean(),
    evaluation: z.string().nullable(),
    endReason: z.string().nullable(),
    parties: z.array(z.object({ organizationId: rowId(), name: z.string(), kind: z.string(), position: z.number().int() })),
    items: z.array(
      z.object({
        id: rowId(),
        title: z.string(),
        description: z.string(),
        field: z.string(),
        priority: z.enum(itemPriorities),
        horizon: z.enum(itemHorizons),
        departmentId: rowId().nullable(),
        departmentName: z.string().nullable(),
        partnerOwner: z.string(),
      }),
    ),
    approvals: z.array(
      z.object({
        id: rowId(),
        side: z.enum(approvalSides),
        partyName: z.string(),
        label: z.string(),
        status: z.enum(approvalStepStatuses),
        approverName: z.string().nullable(),
        decidedOn: calendarDay().nullable(),
        comment: z.string().nullable(),
      }),
    ),
    approvalProgress: z.object({ steps: z.number().int(), approved: z.number().int() }).meta({
      description: "Every party's approval steps, counted: a partner sees only its own steps in approvals, and this overall state.",
    }),
    timeline: z.array(
      z.object({
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        actorName: z.string().nullable(),
        note: z.string().nullable(),
        at: instant(),
      }),
    ),
    updatedAt: instant(),
    contacts: z.array(contactView),
    handovers: z.array(handoverView),
    missingSecondaryParties: z
      .array(z.string())
      .meta({ description: "Parties without a secondary contact: one transfer away from a stalled partnership." }),
    can: z
      .object({
        edit: z.boolean(),
        transitions: z.array(z.string()),
        recordApproval: z
          .boolean()
          .meta({ description: "A pending approval step is the caller's to record (the desk: any; a partner: its own)." }),
        contactsFor: z.array(rowId()),
        amend: z.boolean(),
        editTemplate: z.boolean(),
        openProposal: z.boolean().meta({ description: "The proposal it grew from (proposalId) is the caller's to open: the owning desk." }),
      })
      .meta({ description: "What the caller may do now; transitions are camelCase names (kebab-case in URLs)." }),
    documentVersions: z.array(agreementDocumentVersion).meta({ description: "Versions of the agreement document, oldest first." }),
    optionalApprovalSteps: z
      .array(z.string())
      .meta({ description: "When the desk may submit for approval: the chain's optional steps it may include." }),
  })
  .meta({ id: "AgreementDetail" });
export type AgreementDetail = z.output<typeof agreementDetail>;

/** The public fields of a signed agreement marked public. */
export const publicAgreement = agreementSummary
  .pick({
    id: true,
    title: true,
    method: true,
    status: true,
    municipalityName: true,
    localGovCode: true,
    partnerNames: true,
    fields: true,
    startsOn: true,
    endsOn: true,
    signedOn: true,
  })
  .extend({
    purpose: z.string(),
    publicSummary: z.string(),
    items: z.array(z.object({ title: z.string(), field: z.string(), horizon: z.enum(itemHorizons) })),
  })
  .meta({ id: "PublicAgreement" });
export type PublicAgreement = z.output<typeof publicAgreement>;

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

export const agreementTemplateView = z
  .object({
    preamble: z.string(),
    amendmentClause: z.string(),
    disputeClause: z.string(),
    updatedAt: instant().nullable().meta({ description: "Null while the municipality uses the standard wording." }),
  })
  .meta({ id: "AgreementTemplate" });
export type AgreementTemplateView = z.output<typeof agreementTemplateView>;

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
