import { z } from "zod";
import { policyFieldCodes } from "~/lib/policy-fields";
import { choice, email, isoDate, listOf, optional, optionalText, requiredText, whenValid } from "~/lib/validation";
import { calendarDay, instant, rowId } from "~/lib/api-schemas";
import { isValidLocalGovCode } from "~/lib/local-gov-code";
import { attachmentView } from "~/features/files/schema";
import {
  declineGrounds,
  matrixLevels,
  matrixMethods,
  matrixStages,
  messageKinds,
  partnershipMethods,
  proposalKinds,
  proposalQueues,
  proposalStatuses,
} from "./constants";

export * from "./constants";

const fieldList = listOf(choice(policyFieldCodes), policyFieldCodes.length);
const localGovCode = z
  .string({ error: "validation.localGovCode.format" })
  .regex(/^\d{6}$/, { error: "validation.localGovCode.format", abort: true })
  .refine(isValidLocalGovCode, { error: "validation.localGovCode.checkDigit" });

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
  .refine((v) => v.themeId || v.municipalityCode, {
    path: ["municipalityCode"],
    error: "validation.required",
    when: whenValid("themeId", "municipalityCode"),
  })
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

/**
 * The proposal form when "submit" is pressed: the complete proposal, and for a
 * new free proposal the municipality it goes to (a theme proposal carries the
 * theme instead; a saved draft already has its target, and the form omits both).
 */
export const proposalSubmitFormInput = proposalCompleteInput
  .safeExtend({
    themeId: optional(z.uuid({ error: "validation.invalidChoice" })),
    municipalityCode: optional(localGovCode),
  })
  .refine((v) => v.themeId || v.municipalityCode, {
    path: ["municipalityCode"],
    error: "validation.required",
    when: whenValid("themeId", "municipalityCode"),
  });

export const declineInput = z.object({
  grounds: listOf(choice(declineGrounds), declineGrounds.length).refine((v) => v.length > 0, { error: "validation.groundsRequired" }),
  reason: requiredText(2000),
});

export const noteInput = z.object({ note: optionalText(2000) });

export const shareInput = z.object({
  departmentIds: listOf(z.uuid({ error: "validation.invalidChoice" }), 50).refine((v) => v.length > 0, {
    error: "validation.selectRequired",
  }),
});

export const messageInput = z
  .object({
    kind: z.preprocess((v) => (v === "" || v === undefined ? "message" : v), choice(messageKinds)),
    body: requiredText(8000),
    meetingDate: optional(isoDate()),
    attendees: optionalText(1000),
  })
  .refine((v) => v.kind !== "meeting" || v.meetingDate, {
    path: ["meetingDate"],
    error: "validation.required",
    when: whenValid("kind", "meetingDate"),
  });

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
  queue: optional(choice(proposalQueues)).meta({
    description: "waiting: what awaits the desk's answer (received, screening, accepted), oldest first; open: submitted and not yet ended.",
  }),
  field: optional(choice(policyFieldCodes)),
  q: optionalText(100),
  cursor: optional(z.string().max(200)),
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100).default(25),
});
export type ProposalListInput = z.output<typeof proposalListInput>;

export const roleMatrixInput = z.object({
  entries: z
    .array(
      z.object({
        method: choice(matrixMethods),
        stage: choice(matrixStages),
        desk: choice(matrixLevels),
        department: choice(matrixLevels),
      }),
    )
    .min(1)
    .max(matrixMethods.length * matrixStages.length),
});

export const proposalSummary = z
  .object({
    id: rowId(),
    title: z.string(),
    status: z.enum(proposalStatuses),
    kind: z.enum(proposalKinds).meta({ description: "theme: answers a theme call; free: the proposer's own idea." }),
    proposerName: z.string(),
    municipalityName: z.string(),
    localGovCode: z.string(),
    fields: z.array(z.string()),
    method: z.enum(partnershipMethods),
    submittedAt: instant().nullable(),
    decidedAt: instant().nullable().meta({
      description: "The desk's last decision (acceptance, a later step, declining, closing); for an ended proposal, when it ended.",
    }),
    updatedAt: instant(),
    themeId: rowId().nullable(),
    themeTitle: z.string().nullable(),
  })
  .meta({ id: "ProposalSummary" });
export type ProposalSummary = z.output<typeof proposalSummary>;

/** A proposal on its proposer's home: what the city last asked, when it has not been answered yet. */
export interface ProposalAtHome extends ProposalSummary {
  cityAsked: { body: string; at: string } | null;
}

/** An open action item of a proposal's dialogue, on a home page. */
export interface ProposalActionItemAtHome {
  id: string;
  title: string;
  ownerName: string;
  dueDate: string | null;
  proposalId: string;
  proposalTitle: string;
}

/** What a home page shows of proposals: counts per status, the open ones, the overdue action items. */
export interface ProposalsAtHome {
  counts: Record<string, number>;
  open: ProposalAtHome[];
  openTotal: number;
  overdueItems: ProposalActionItemAtHome[];
  overdueTotal: number;
}

export const timelineEntry = z
  .object({
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    actorName: z.string().nullable(),
    actorUnit: z.string().nullable(),
    note: z.string().nullable(),
    grounds: z.array(z.enum(declineGrounds)),
    at: instant(),
  })
  .meta({ id: "ProposalTimelineEntry" });
export type TimelineEntry = z.output<typeof timelineEntry>;

export const proposalDetail = proposalSummary
  .extend({
    proposerOrgId: rowId(),
    municipalityId: rowId(),
    summary: z.string(),
    plan: z.string(),
    benefitCitizens: z.string(),
    benefitPartner: z.string(),
    benefitMunicipality: z.string(),
    resources: z.string(),
    periodStart: calendarDay().nullable(),
    periodEnd: calendarDay().nullable(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string(),
    declineGrounds: z.array(z.enum(declineGrounds)),
    declineReason: z.string().nullable(),
    decidedAt: instant().nullable(),
    publishAgreedByDesk: z.boolean(),
    publishAgreedByProposer: z.boolean(),
    publicSummary: z.string().nullable(),
    attachments: z.array(attachmentView),
    shares: z.array(z.object({ departmentId: rowId(), departmentName: z.string(), sharedAt: instant() })),
    timeline: z.array(timelineEntry),
    roles: z
      .object({ stage: z.enum(matrixStages), desk: z.enum(matrixLevels), department: z.enum(matrixLevels) })
      .meta({ description: "Who leads and who is involved at the current stage (role matrix)." }),
    can: z
      .object({
        edit: z.boolean(),
        transitions: z.array(z.string()),
        share: z.boolean(),
        post: z.boolean(),
        seeAccessLog: z.boolean(),
        publication: z.boolean(),
      })
      .meta({ description: "What the caller may do now; transitions are camelCase names (kebab-case in URLs)." }),
  })
  .meta({ id: "ProposalDetail" });
export type ProposalDetail = z.output<typeof proposalDetail>;

export const messageView = z
  .object({
    id: rowId(),
    kind: z.enum(messageKinds),
    body: z.string(),
    meetingDate: calendarDay().nullable(),
    attendees: z.string().nullable(),
    authorName: z.string(),
    authorUnit: z.string(),
    createdAt: instant(),
    attachments: z.array(z.object({ id: rowId(), filename: z.string(), size: z.number().int() })),
  })
  .meta({ id: "ProposalMessage" });
export type MessageView = z.output<typeof messageView>;

export const actionItemView = z
  .object({ id: rowId(), title: z.string(), ownerName: z.string(), dueDate: calendarDay().nullable(), doneAt: instant().nullable() })
  .meta({ id: "ProposalActionItem" });
export type ActionItemView = z.output<typeof actionItemView>;

/** Which unit of the city opened the proposal, how often, when last. */
export const accessLogEntry = z
  .object({ unit: z.string(), role: z.string(), views: z.number().int(), lastViewedAt: instant() })
  .meta({ id: "ProposalAccessLogEntry" });
export type AccessLogEntry = z.output<typeof accessLogEntry>;

const matrixCell = z.object({ desk: z.enum(matrixLevels), department: z.enum(matrixLevels) });
/** Method → stage → the desk's and the department's part (◎ lead, ○ involved, △ as needed, — none). */
export const roleMatrixView = z
  .record(z.enum(matrixMethods), z.record(z.enum(matrixStages), matrixCell))
  .meta({ id: "RoleMatrix", description: "Method → stage → the desk's and the department's part." });
export type RoleMatrix = z.output<typeof roleMatrixView>;

/** A summary both the proposer and the desk agreed to publish: all anyone else ever sees of a proposal. */
export const publishedProposal = z
  .object({
    id: rowId(),
    title: z.string(),
    publicSummary: z.string(),
    proposerName: z.string(),
    municipalityName: z.string(),
    localGovCode: z.string(),
    fields: z.array(z.string()),
    status: z.string(),
  })
  .meta({ id: "PublishedProposal" });
export type PublishedProposal = z.output<typeof publishedProposal>;
