// Who may do what with projects, KPIs and measurements, as pure functions. A
// project is seen by whoever sees its agreement (every member of every party).
import { isDeskRole, isPartnerRole, type TenantScope } from "~/lib/tenancy";
import { isOwningDesk, isPartyMember, type AgreementRef } from "~/features/agreements/policy";
import type { AgreementStatus } from "~/features/agreements/schema";

type Scope = Pick<TenantScope, "role" | "organizationId" | "departmentId">;

/** Joint projects run under an agreement once it is signed and until it ends. */
export const projectStatusesOfAgreement: readonly AgreementStatus[] = ["signed", "active", "renewal_review", "renewed"];
const runsProjects = (a: Pick<AgreementRef, "status">) => projectStatusesOfAgreement.includes(a.status);

/** A member of the municipality's department `departmentId` (department staff of the owning municipality). */
const isDepartmentOf = (scope: Scope | null, a: Pick<AgreementRef, "municipalityId">, departmentId: string | null) =>
  Boolean(scope && departmentId) &&
  scope!.role === "department_staff" &&
  scope!.organizationId === a.municipalityId &&
  scope!.departmentId === departmentId;

export const canSeeProjects = (scope: Scope | null, partyOrgIds: readonly string[]) => isPartyMember(scope, partyOrgIds);

/**
 * The owning desk starts a project under any item; a department under the
 * items it carries (agreement_items.department_id).
 */
export const canCreateProject = (
  scope: Scope | null,
  a: Pick<AgreementRef, "municipalityId" | "status">,
  itemDepartmentIds: readonly (string | null)[],
) => runsProjects(a) && (isOwningDesk(scope, a) || itemDepartmentIds.some((d) => isDepartmentOf(scope, a, d)));

/** The items a project may be put under: any for the owning desk, only its own for a department. */
export const canTakeItems = (
  scope: Scope | null,
  a: Pick<AgreementRef, "municipalityId" | "status">,
  itemDepartmentIds: readonly (string | null)[],
) =>
  runsProjects(a) &&
  (isOwningDesk(scope, a) || (itemDepartmentIds.length > 0 && itemDepartmentIds.every((d) => isDepartmentOf(scope, a, d))));

/** The owning desk and the lead department edit a project, its plans and its KPIs. */
export const canManageProject = (
  scope: Scope | null,
  a: Pick<AgreementRef, "municipalityId" | "status">,
  project: { leadDepartmentId: string },
) => runsProjects(a) && (isOwningDesk(scope, a) || isDepartmentOf(scope, a, project.leadDepartmentId));

/** Who reports results: those who manage the project, and the partners of the agreement (they bring the figures). */
export const canRecordMeasurement = (
  scope: Scope | null,
  a: Pick<AgreementRef, "municipalityId" | "status">,
  project: { leadDepartmentId: string },
  partyOrgIds: readonly string[],
) =>
  canManageProject(scope, a, project) ||
  (runsProjects(a) &&
    Boolean(scope) &&
    isPartnerRole(scope!.role) &&
    scope!.organizationId !== a.municipalityId &&
    isPartyMember(scope, partyOrgIds));

/** The desk of a municipality watches its agreements' health (its home opens with those going quiet, and it gets the weekly digest). */
export const watchesAgreementHealth = (scope: Pick<TenantScope, "role">) => isDeskRole(scope.role);
