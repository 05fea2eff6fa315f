// Idea protection and the screening workflow, as pure functions.
import { isPublicBody } from "~/lib/roles";
import { isCityStaffRole, isDeskRole, isPartnerRole, type TenantScope } from "~/lib/tenancy";
import type { MatrixLevel, MatrixMethod, MatrixStage, PartnershipMethod, ProposalStatus } from "./constants";

type Scope = Pick<TenantScope, "role" | "organizationId" | "departmentId">;

export interface ProposalRef {
  proposerOrgId: string;
  municipalityId: string;
  status: ProposalStatus;
}

export const isProposer = (scope: Scope, p: ProposalRef) => scope.organizationId === p.proposerOrgId && isPartnerRole(scope.role);

export const isDeskOf = (scope: Scope, p: Pick<ProposalRef, "municipalityId">) =>
  scope.organizationId === p.municipalityId && isDeskRole(scope.role);

export const isSharedDepartment = (scope: Scope, p: ProposalRef, sharedDepartmentIds: readonly string[]) =>
  scope.organizationId === p.municipalityId &&
  scope.role === "department_staff" &&
  scope.departmentId !== null &&
  sharedDepartmentIds.includes(scope.departmentId);

/**
 * Who may know a proposal exists: its proposer organisation; once submitted,
 * the target municipality's desk and the departments the desk shared it with.
 * Everyone else (other companies, other municipalities, unshared departments,
 * platform admins, the public) gets a 404.
 */
export function canSeeProposal(scope: Scope | null, p: ProposalRef, sharedDepartmentIds: readonly string[]): boolean {
  if (!scope) return false;
  if (isProposer(scope, p)) return true;
  if (p.status === "draft") return false;
  return isDeskOf(scope, p) || isSharedDepartment(scope, p, sharedDepartmentIds);
}

/** Which side of proposals a role works on; platform admins are on none (they never see one). */
export type ProposalAudience = "proposer" | "desk" | "department";
export function proposalAudience(scope: Pick<TenantScope, "role">): ProposalAudience | null {
  if (isPartnerRole(scope.role)) return "proposer";
  if (isDeskRole(scope.role)) return "desk";
  if (scope.role === "department_staff") return "department";
  return null;
}

/** Whether the proposals list means anything to the caller (the navigation shows it). */
export const takesPartInProposals = (scope: Pick<TenantScope, "role">) => proposalAudience(scope) !== null;

/** The list page: the desk's inbox, a department's shared proposals, or (for everyone else) one's own. */
export type ProposalListView = "inbox" | "shared" | "mine";
export function proposalListView(scope: Pick<TenantScope, "role">): ProposalListView {
  const audience = proposalAudience(scope);
  return audience === "desk" ? "inbox" : audience === "department" ? "shared" : "mine";
}

/** Partners propose; city staff (also of a department) and platform admins do not. */
export const canPropose = (scope: Pick<TenantScope, "role" | "organizationKind">) =>
  isPartnerRole(scope.role) && !isPublicBody(scope.organizationKind) && scope.organizationKind !== "department";

/** City staff opening a proposal is written to the access log its proposer sees. */
export const viewsAreLogged = (scope: Pick<TenantScope, "role">) => isCityStaffRole(scope.role);

/** The commands of the workflow, who issues them and from which statuses. */
export const transitions = {
  submit: { by: "proposer", from: ["draft"], to: "submitted" },
  startScreening: { by: "desk", from: ["submitted"], to: "screening" },
  decline: { by: "desk", from: ["submitted", "screening"], to: "declined" },
  // Accepting opens the dialogue in the same step; `accepted` remains only for proposals accepted before that (decision 0032).
  accept: { by: "desk", from: ["submitted", "screening"], to: "in_dialogue" },
  startDialogue: { by: "desk", from: ["accepted"], to: "in_dialogue" },
  prepareAgreement: { by: "desk", from: ["in_dialogue"], to: "agreement_preparation" },
  implementWithoutAgreement: { by: "desk", from: ["in_dialogue"], to: "implementing" },
  moveToProcurement: { by: "desk", from: ["in_dialogue"], to: "procurement" },
  close: { by: "desk", from: ["accepted", "in_dialogue", "agreement_preparation", "implementing", "procurement"], to: "closed" },
  withdraw: { by: "proposer", from: ["submitted", "screening", "accepted", "in_dialogue"], to: "withdrawn" },
} as const satisfies Record<string, { by: "proposer" | "desk"; from: readonly ProposalStatus[]; to: ProposalStatus }>;
export type TransitionName = keyof typeof transitions;
export const transitionNames = Object.keys(transitions) as TransitionName[];

/** Transitions the caller may issue now (for buttons and for the command check). */
export function availableTransitions(scope: Scope | null, p: ProposalRef): TransitionName[] {
  if (!scope) return [];
  return transitionNames.filter((name) => {
    const t = transitions[name];
    if (!(t.from as readonly string[]).includes(p.status)) return false;
    return t.by === "proposer" ? isProposer(scope, p) : isDeskOf(scope, p);
  });
}

const terminal: readonly ProposalStatus[] = ["draft", "declined", "withdrawn", "closed"];

/** The thread is open to everyone who can see the proposal, while it is alive. */
export const canPostMessage = (p: ProposalRef) => !terminal.includes(p.status);

/** The desk shares from screening on; after a decision it may still add departments. */
export const canShare = (scope: Scope, p: ProposalRef) =>
  isDeskOf(scope, p) && !["draft", "submitted", "declined", "withdrawn"].includes(p.status);

/** The proposer edits only drafts. */
/** Which units of the city opened a proposal: its proposer and the desk may read it, the departments it was shared with may not. */
export const canSeeAccessLog = (scope: Scope, p: ProposalRef) => isProposer(scope, p) || isDeskOf(scope, p);

export const canEditProposal = (scope: Scope, p: ProposalRef) => isProposer(scope, p) && p.status === "draft";

/** The proposer deletes a draft it no longer wants; once submitted, the desk has it and it stays (withdrawal instead). */
export const canDeleteProposal = canEditProposal;

/** The role matrix (who leads at which stage): city staff read it through the API … */
export const canReadRoleMatrix = (scope: Pick<TenantScope, "role">) => isCityStaffRole(scope.role);

/** … the desk opens its settings page … */
export const canOpenRoleMatrixSettings = (scope: Pick<TenantScope, "role">) => isDeskRole(scope.role);

/** … and the desk admin of a municipality or prefecture changes it. */
export const canEditRoleMatrix = (scope: Pick<TenantScope, "role" | "organizationKind">) =>
  scope.role === "desk_admin" && isPublicBody(scope.organizationKind);

/** The stage of the role matrix a status belongs to. */
export function stageOf(status: ProposalStatus): MatrixStage {
  switch (status) {
    case "draft":
    case "submitted":
    case "screening":
    case "declined":
      return "intake";
    case "agreement_preparation":
      return "signing";
    case "procurement":
      return "procurement";
    case "implementing":
      return "implementation";
    default:
      return "coordination";
  }
}

/** Proposals whose method is still open follow the matrix of an ordinary partnership. */
export const matrixMethodOf = (method: PartnershipMethod): MatrixMethod => (method === "undecided" ? "other" : method);

/** DOMAIN.md defaults (desk / department): ◎ lead, ○ involved, △ as needed, — none. */
export const defaultRoleMatrix: Record<MatrixMethod, Record<MatrixStage, [MatrixLevel, MatrixLevel]>> = {
  comprehensive: {
    intake: ["lead", "none"],
    coordination: ["lead", "involved"],
    signing: ["lead", "none"],
    procurement: ["not_applicable", "not_applicable"],
    implementation: ["as_needed", "lead"],
  },
  project: {
    intake: ["lead", "involved"],
    coordination: ["involved", "lead"],
    signing: ["as_needed", "lead"],
    procurement: ["not_applicable", "not_applicable"],
    implementation: ["as_needed", "lead"],
  },
  other: {
    intake: ["lead", "involved"],
    coordination: ["as_needed", "lead"],
    signing: ["not_applicable", "not_applicable"],
    procurement: ["not_applicable", "not_applicable"],
    implementation: ["as_needed", "lead"],
  },
  procurement: {
    intake: ["involved", "lead"],
    coordination: ["as_needed", "lead"],
    signing: ["not_applicable", "not_applicable"],
    procurement: ["none", "lead"],
    implementation: ["none", "lead"],
  },
};

/** Whether a party at this level is told when the proposal enters the stage. */
export const notifiedAt = (level: MatrixLevel) => level === "lead" || level === "involved";
