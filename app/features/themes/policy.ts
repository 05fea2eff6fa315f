// Who may do what with theme calls. Pure and unit-tested.
import { isPublicBody } from "~/lib/roles";
import { isCityStaffRole, isDeskRole, type TenantScope } from "~/lib/tenancy";
import type { ThemeStatus } from "./schema";

type Scope = Pick<TenantScope, "role" | "organizationId" | "departmentId" | "organizationKind">;
interface ThemeRef {
  municipalityId: string;
  departmentId: string | null;
  status: ThemeStatus;
}

const isStaffOf = (scope: Scope | null, municipalityId: string) =>
  Boolean(scope) && scope!.organizationId === municipalityId && isCityStaffRole(scope!.role);

const isDeskOf = (scope: Scope | null, municipalityId: string) =>
  Boolean(scope) && scope!.organizationId === municipalityId && isDeskRole(scope!.role);

/** Published and closed calls are public; drafts only for the municipality's staff. */
export function canViewTheme(scope: Scope | null, theme: ThemeRef): boolean {
  return theme.status !== "draft" || isStaffOf(scope, theme.municipalityId);
}

/** Desk and department staff draft calls for their municipality (and work on them on the desk's pages). */
export function canCreateTheme(scope: Pick<Scope, "role" | "organizationKind">): boolean {
  return isCityStaffRole(scope.role) && isPublicBody(scope.organizationKind);
}

/** The desk chooses the department a call belongs to; department staff's calls are always their own department's. */
export const canPickThemeDepartment = (scope: Pick<Scope, "role">) => scope.role !== "department_staff";

/** The desk edits any of its calls; department staff edit their own department's drafts. */
export function canEditTheme(scope: Scope | null, theme: ThemeRef): boolean {
  if (theme.status === "closed") return false;
  if (isDeskOf(scope, theme.municipalityId)) return true;
  return (
    theme.status === "draft" &&
    isStaffOf(scope, theme.municipalityId) &&
    scope!.role === "department_staff" &&
    scope!.departmentId !== null &&
    scope!.departmentId === theme.departmentId
  );
}

/** Only the desk publishes or closes calls (its own municipality's: mayRunThemeLifecycle). */
export const canPublishAndCloseThemes = (scope: Pick<Scope, "role">) => isDeskRole(scope.role);

/**
 * Only the desk publishes or closes a call. Commands ask this first (403),
 * then whether the call's status allows the step (409): who may act comes
 * before what state the call is in.
 */
export const mayRunThemeLifecycle = (scope: Scope | null, theme: Pick<ThemeRef, "municipalityId">) => isDeskOf(scope, theme.municipalityId);
export const canPublishTheme = (scope: Scope | null, theme: ThemeRef) => theme.status === "draft" && mayRunThemeLifecycle(scope, theme);
export const canCloseTheme = (scope: Scope | null, theme: ThemeRef) => theme.status === "published" && mayRunThemeLifecycle(scope, theme);
