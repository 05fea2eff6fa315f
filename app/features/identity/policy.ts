// Who may do what in identity & tenancy. Pure functions, unit-tested.
import { isPublicBody, rolesByOrganizationKind, type OrganizationKind, type Role } from "~/lib/roles";
import { isCityStaffRole, isPartnerRole, type TenantScope } from "~/lib/tenancy";

type Scope = Pick<TenantScope, "role" | "organizationKind">;

/** Roles the caller may hand out by invitation in their active organisation. */
export function invitableRoles(scope: Scope): readonly Role[] {
  const allowed = rolesByOrganizationKind[scope.organizationKind as OrganizationKind] ?? [];
  switch (scope.role) {
    case "platform_admin":
      return allowed;
    case "desk_admin":
      return allowed.filter(isCityStaffRole);
    case "member":
    case "coordinator":
      // Partners manage their own colleagues.
      return allowed.filter(isPartnerRole);
    default:
      return [];
  }
}

export const canInvite = (scope: Scope, role: Role) => invitableRoles(scope).includes(role);

/**
 * Whom the caller manages in their organisation: the members holding a role the
 * caller could invite (a desk admin its city's staff, partners their colleagues),
 * never themselves — someone else changes or removes them.
 */
export const canManageMember = (scope: Scope & Pick<TenantScope, "userId">, member: { userId: string; role: Role }) =>
  member.userId !== scope.userId && invitableRoles(scope).includes(member.role);

/** Platform admins register any organisation; desk admins add departments to their municipality. */
export function canCreateOrganization(scope: Scope, kind: OrganizationKind): boolean {
  if (scope.role === "platform_admin") return true;
  return scope.role === "desk_admin" && kind === "department";
}

/**
 * Where an organisation may be placed: a desk admin adds departments to its own
 * municipality only; platform admins place organisations anywhere.
 */
export const canPlaceOrganizationUnder = (scope: Pick<TenantScope, "role" | "organizationId">, parentId: string | undefined) =>
  scope.role !== "desk_admin" || parentId === scope.organizationId;

/** The desk admin of a municipality or prefecture adds its departments (on its organisation page). */
export const canAddDepartment = (scope: Scope) => scope.role === "desk_admin" && isPublicBody(scope.organizationKind);

/** The platform's organisation register: platform admins list and register organisations. */
export const canManageOrganizations = (scope: Pick<TenantScope, "role">) => scope.role === "platform_admin";

export const canListMembers = (scope: Scope) => scope.role !== "department_staff";

/** A coordinator works for many municipalities at once: their home lists them. */
export const worksForManyMunicipalities = (scope: Pick<TenantScope, "role">) => scope.role === "coordinator";

/** Desk admins run the organisation's settings and members: the last one is neither demoted nor removed. */
export const mustKeepOne = (role: Role) => role === "desk_admin";
