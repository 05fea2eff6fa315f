// Who may see and act on an agreement, and its lifecycle, as pure functions.
// Commands, data functions, pages and the navigation all ask these; the table
// in policy.test.ts spells out every role × status × capability.
import { isPublicBody } from "~/lib/roles";
import { isDeskRole, isPartnerRole, type TenantScope } from "~/lib/tenancy";
import type { AgreementStatus } from "./constants";
import { amendableStatuses } from "./documents/document";

type Scope = Pick<TenantScope, "role" | "organizationId">;
type OrganizationScope = Pick<TenantScope, "role" | "organizationKind">;

export interface AgreementRef {
  municipalityId: string;
  status: AgreementStatus;
  isPublic: boolean;
}

export const isOwningDesk = (scope: Scope | null, a: Pick<AgreementRef, "municipalityId">) =>
  Boolean(scope) && scope!.organizationId === a.municipalityId && isDeskRole(scope!.role);

/** Every member of every party (for the municipality: its desk and departments). */
export const isPartyMember = (scope: Scope | null, partyOrgIds: readonly string[]) =>
  Boolean(scope) && partyOrgIds.includes(scope!.organizationId);

/**
 * Whose agreements a home page gathers: department staff those in which their
 * department carries an item; everyone else all their organisation is party to.
 */
export const agreementsAtHomeScope = (scope: Pick<TenantScope, "role" | "departmentId">): "department" | "organization" =>
  scope.role === "department_staff" && scope.departmentId ? "department" : "organization";

export const canSeeAgreement = (scope: Scope | null, a: AgreementRef, partyOrgIds: readonly string[]) => isPartyMember(scope, partyOrgIds);

/** Signed, marked public: its public fields are for everyone. */
export const isPubliclyListed = (a: AgreementRef) =>
  a.isPublic && ["signed", "active", "renewal_review", "renewed", "ended"].includes(a.status);

export const agreementTransitions = {
  submitForApproval: { from: ["draft"], to: "internal_approval" },
  sign: { from: ["internal_approval"], to: "signed" },
  activate: { from: ["signed"], to: "active" },
  startRenewalReview: { from: ["active", "renewed"], to: "renewal_review" },
  renew: { from: ["renewal_review"], to: "renewed" },
  end: { from: ["active", "renewal_review", "renewed"], to: "ended" },
  terminate: { from: ["signed", "active", "renewal_review", "renewed"], to: "terminated" },
} as const satisfies Record<string, { from: readonly AgreementStatus[]; to: AgreementStatus }>;
export type AgreementTransition = keyof typeof agreementTransitions;
export const agreementTransitionNames = Object.keys(agreementTransitions) as AgreementTransition[];

/** What the owning desk may do now; nobody else moves an agreement. */
export function availableAgreementTransitions(scope: Scope | null, a: AgreementRef): AgreementTransition[] {
  if (!isOwningDesk(scope, a)) return [];
  return agreementTransitionNames.filter((n) => (agreementTransitions[n].from as readonly string[]).includes(a.status));
}

/** Content is edited while drafting; after signing only by amendment (a later version). */
export const canEditAgreement = (scope: Scope | null, a: AgreementRef) => isOwningDesk(scope, a) && a.status === "draft";

/** One step of a party's internal approval (決裁). */
export interface ApprovalStepRef {
  side: "municipality" | "partner";
  partyOrgId: string;
}

/** A partner organisation of the agreement, as one of its members (not the municipality, whatever the role). */
const isPartnerMember = (scope: Scope | null, a: Pick<AgreementRef, "municipalityId">, partyOrgIds: readonly string[]) =>
  Boolean(scope) && isPartnerRole(scope!.role) && scope!.organizationId !== a.municipalityId && partyOrgIds.includes(scope!.organizationId);

/**
 * Who records the internal approval (決裁): the owning desk any step (it may
 * enter what a partner reports), each partner the steps of its own side …
 */
export const recordsApprovals = (scope: Scope | null, a: Pick<AgreementRef, "municipalityId">, partyOrgIds: readonly string[]) =>
  isOwningDesk(scope, a) || isPartnerMember(scope, a, partyOrgIds);

/** … while it runs. */
export const canRecordApproval = (scope: Scope | null, a: AgreementRef, partyOrgIds: readonly string[]) =>
  a.status === "internal_approval" && recordsApprovals(scope, a, partyOrgIds);

export const canRecordApprovalStep = (scope: Scope | null, a: AgreementRef, step: ApprovalStepRef) =>
  a.status === "internal_approval" && (isOwningDesk(scope, a) || (isPartnerMember(scope, a, [step.partyOrgId]) && step.side === "partner"));

/**
 * A party's approval steps and approvers are its own business: the
 * municipality's staff read every step (the desk runs the agreement), a partner
 * only its own side's; everyone sees the overall progress (approvalProgress).
 */
export const canSeeApprovalStep = (
  scope: Scope | null,
  a: Pick<AgreementRef, "municipalityId">,
  step: Pick<ApprovalStepRef, "partyOrgId">,
) => Boolean(scope) && (scope!.organizationId === a.municipalityId || scope!.organizationId === step.partyOrgId);

/** The owning desk records amendments of an agreement in force. */
export const canAmendAgreement = (scope: Scope | null, a: AgreementRef) => isOwningDesk(scope, a) && amendableStatuses.includes(a.status);

/** Nothing is signed until every approval step of both sides is approved. */
export const approvalsComplete = (steps: readonly { status: string }[]) => steps.length > 0 && steps.every((s) => s.status === "approved");

/** The owning desk names contacts for every party; each partner names its own. */
export function contactablePartyIds(scope: Scope | null, a: AgreementRef, partyOrgIds: readonly string[]): string[] {
  if (!scope || ["ended", "terminated"].includes(a.status)) return [];
  if (isOwningDesk(scope, a)) return [...partyOrgIds];
  return partyOrgIds.includes(scope.organizationId) && isPartnerRole(scope.role) ? [scope.organizationId] : [];
}

/** The desk of a municipality or prefecture with its code: who enters agreements and imports registers into its own register. */
export const isPublicBodyDesk = (scope: Pick<TenantScope, "role" | "organizationKind" | "localGovCode"> | null) =>
  Boolean(scope) && isDeskRole(scope!.role) && isPublicBody(scope!.organizationKind) && Boolean(scope!.localGovCode);

/** The public register is in the header for everyone but the desks, whose own register leads there too (a short header: issue 20). */
export const looksUpThePublicRegister = (scope: Pick<TenantScope, "role">) => !isDeskRole(scope.role);

/** Platform admins run the platform: they are party to no agreement and have no register. */
export const takesPartInAgreements = (scope: Pick<TenantScope, "role">) => scope.role !== "platform_admin";

/** The 協定書 template and the approval chain are the desk's settings: the desk of a public body reads them … */
export const canReadAgreementSettings = (scope: OrganizationScope) => isDeskRole(scope.role) && isPublicBody(scope.organizationKind);

const isDeskAdminOfPublicBody = (scope: OrganizationScope) => scope.role === "desk_admin" && isPublicBody(scope.organizationKind);

/** … its admin words the template (preamble, amendment and dispute clauses) … */
export const canEditAgreementTemplate = (scope: OrganizationScope) => isDeskAdminOfPublicBody(scope);

/** … and sets the steps of the internal approval chain. */
export const canManageApprovalChain = (scope: OrganizationScope) => isDeskAdminOfPublicBody(scope);
