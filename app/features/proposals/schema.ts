import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, email, isoDate, listOf, optional, optionalText, requiredText, whenValid } from "~/lib/validation";
import {
  declineGrounds,
  matrixLevels,
  matrixMethods,
  matrixStages,
  messageKinds,
  partnershipMethods,
  proposalStatuses,
  type DeclineGround,
  type MatrixLevel,
  type MatrixMethod,
  type MatrixStage,
  type PartnershipMethod,
  type ProposalStatus,
} from "./constants";

export * from "./constants";

const fieldList = listOf(choice(policyFieldCodes), policyFieldCodes.length);
const localGovCode = z.string({ error: "validation.localGovCode.format" }).regex(/^\d{6}$/, { error: "validation.localGovCode.format" });

/**
 * The proposal's content. A draft may be incomplete (auto-save keeps
 * whatever was typed); submitting requires the complete form below.
 */
const contentShape = {
  title: optionalText(150),
  summary: optionalText(2000),
  plan: optionalText(8000),
  benefitCitizens: optionalText(2000),
  benefitPartner: optionalText(2000),
  benefitMunicipality: optionalText(2000),
  fields: fieldList,
  method: optional(choice(partnershipMethods)),
  resources: optionalText(4000),
  periodStart: optional(isoDate()),
  periodEnd: optional(isoDate()),
  contactName: optionalText(100),
  contactEmail: optional(email()),
  contactPhone: optional(z.string().regex(/^[0-9０-９+\-‐ー() ]{6,20}$/, { error: "validation.phone" })),
};

const periodOrder = {
  path: ["periodEnd"],
  error: "validation.periodOrder" as const,
  when: whenValid("periodStart", "periodEnd"),
};
const periodOk = (v: { periodStart?: unknown; periodEnd?: unknown }) =>
  typeof v.periodStart !== "string" || typeof v.periodEnd !== "string" || v.periodStart <= v.periodEnd;

/** Creating a proposal: to a published theme, or free to a municipality by 団体コード. */
export const proposalDraftInput = z
  .object({
    themeId: optional(z.uuid({ error: "validation.invalidChoice" })),
    municipalityCode: optional(localGovCode),
    clientToken: optional(z.string().max(100)),
    ...contentShape,
  })
  .refine((v) => v.themeId || v.municipalityCode, { path: ["municipalityCode"], error: "validation.required", when: whenValid("themeId", "municipalityCode") })
  .refine(periodOk, periodOrder);
export type ProposalDraftInput = z.output<typeof proposalDraftInput>;

/** Updating a draft: the target stays; content as above. */
export const proposalUpdateInput = z.object(contentShape).refine(periodOk, periodOrder);

/** What must be there before the desk receives it: 三方よし, each benefit spelled out. */
export const proposalCompleteInput = z
  .object({
    title: requiredText(150),
    summary: requiredText(2000),
    plan: requiredText(8000),
    benefitCitizens: requiredText(2000),
    benefitPartner: requiredText(2000),
    benefitMunicipality: requiredText(2000),
    fields: fieldList.refine((v) => v.length > 0, { error: "validation.fieldsRequired" }),
    method: choice(partnershipMethods),
    resources: optionalText(4000),
    periodStart: optional(isoDate()),
    periodEnd: optional(isoDate()),
    contactName: requiredText(100),
    contactEmail: email(),
    contactPhone: contentShape.contactPhone,
  })
  .refine(periodOk, periodOrder);

export const declineInput = z.object({
  grounds: listOf(choice(declineGrounds), declineGrounds.length).refine((v) => v.length > 0, { error: "validation.groundsRequired" }),
  reason: requiredText(2000),
});

export const noteInput = z.object({ note: optionalText(2000) });

export const shareInput = z.object({
  departmentIds: listOf(z.uuid({ error: "validation.invalidChoice" }), 50).refine((v) => v.length > 0, { error: "validation.selectRequired" }),
});

export const messageInput = z
  .object({
    kind: z.preprocess((v) => (v === "" || v === undefined ? "message" : v), choice(messageKinds)),
    body: requiredText(8000),
    meetingDate: optional(isoDate()),
    attendees: optionalText(1000),
  })
  .refine((v) => v.kind !== "meeting" || v.meetingDate, { path: ["meetingDate"], error: "validation.required", when: whenValid("kind", "meetingDate") });

export const actionItemInput = z.object({
  title: requiredText(300),
  ownerName: requiredText(100),
  dueDate: optional(isoDate()),
});

export const publicationInput = z.object({
  agree: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  summary: optionalText(2000),
});

export const proposalListInput = z.object({
  status: optional(choice(proposalStatuses)),
  field: optional(choice(policyFieldCodes)),
  q: optionalText(100),
  cursor: optional(z.string().max(200)),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(25),
});
export type ProposalListInput = z.output<typeof proposalListInput>;

export const roleMatrixInput = z.object({
  entries: z
    .array(z.object({ method: choice(matrixMethods), stage: choice(matrixStages), desk: choice(matrixLevels), department: choice(matrixLevels) }))
    .min(1)
    .max(matrixMethods.length * matrixStages.length),
});

export interface ProposalSummary {
  id: string;
  title: string;
  status: ProposalStatus;
  kind: "theme" | "free";
  proposerName: string;
  municipalityName: string;
  localGovCode: string;
  fields: string[];
  method: PartnershipMethod;
  submittedAt: string | null;
  updatedAt: string;
  themeId: string | null;
  themeTitle: string | null;
}

export interface TimelineEntry {
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  actorUnit: string | null;
  note: string | null;
  grounds: DeclineGround[];
  at: string;
}

export interface ProposalDetail extends ProposalSummary {
  proposerOrgId: string;
  municipalityId: string;
  summary: string;
  plan: string;
  benefitCitizens: string;
  benefitPartner: string;
  benefitMunicipality: string;
  resources: string;
  periodStart: string | null;
  periodEnd: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  declineGrounds: DeclineGround[];
  declineReason: string | null;
  decidedAt: string | null;
  publishAgreedByDesk: boolean;
  publishAgreedByProposer: boolean;
  publicSummary: string | null;
  attachments: { id: string; filename: string; contentType: string; size: number }[];
  shares: { departmentId: string; departmentName: string; sharedAt: string }[];
  timeline: TimelineEntry[];
  /** Who leads and who is involved at the current stage (role matrix). */
  roles: { stage: MatrixStage; desk: MatrixLevel; department: MatrixLevel };
  can: {
    edit: boolean;
    transitions: string[];
    share: boolean;
    post: boolean;
    seeAccessLog: boolean;
    publication: boolean;
  };
}

export interface MessageView {
  id: string;
  kind: "message" | "meeting";
  body: string;
  meetingDate: string | null;
  attendees: string | null;
  authorName: string;
  authorUnit: string;
  createdAt: string;
  attachments: { id: string; filename: string; size: number }[];
}

export interface ActionItemView {
  id: string;
  title: string;
  ownerName: string;
  dueDate: string | null;
  doneAt: string | null;
}

export interface AccessLogEntry {
  unit: string;
  role: string;
  views: number;
  lastViewedAt: string;
}

export type RoleMatrix = Record<MatrixMethod, Record<MatrixStage, { desk: MatrixLevel; department: MatrixLevel }>>;
