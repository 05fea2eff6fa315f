// Who may do what in identity & tenancy. Pure functions, unit-tested.
import { rolesByOrganizationKind, type OrganizationKind, type Role } from "~/lib/roles";
import type { TenantScope } from "~/lib/tenancy";

type Scope = Pick<TenantScope, "role" | "organizationKind">;

/** Roles the caller may hand out by invitation in their active organisation. */
export function invitableRoles(scope: Scope): readonly Role[] {
  const allowed = rolesByOrganizationKind[scope.organizationKind as OrganizationKind] ?? [];
  switch (scope.role) {
    case "platform_admin":
      return allowed;
    case "desk_admin":
      return allowed.filter((r) => r === "desk_admin" || r === "desk_staff" || r === "department_staff");
    case "member":
    case "coordinator":
      // Partners manage their own colleagues.
      return allowed.filter((r) => r === "member" || r === "coordinator");
    default:
      return [];
  }
}

export const canInvite = (scope: Scope, role: Role) => invitableRoles(scope).includes(role);

/** Platform admins register any organisation; desk admins add departments to their municipality. */
export function canCreateOrganization(scope: Scope, kind: OrganizationKind): boolean {
  if (scope.role === "platform_admin") return true;
  return scope.role === "desk_admin" && kind === "department";
}

export const canListMembers = (scope: Scope) => scope.role !== "department_staff";
