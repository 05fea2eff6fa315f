// The tenant scope: who is acting, for which organisation, in which role.
// It can only be minted by the session/token gate (features/identity/gate.server.ts);
// the lint rule forbids importing `mintTenantScope` anywhere else, so every
// data function that takes a TenantScope is guaranteed an authenticated,
// membership-checked caller.
import type { Db } from "./db/client.server";

declare const tenantScopeBrand: unique symbol;

import type { Role } from "./roles";

export type { Role };

export interface TenantScopeData {
  userId: string;
  userName: string;
  userEmail: string;
  membershipId: string;
  organizationId: string;
  organizationKind: string;
  organizationName: string;
  role: Role;
  /** Department the member is bound to (department_staff only). */
  departmentId: string | null;
  /** 団体コード of the organisation, for municipalities and prefectures. */
  localGovCode: string | null;
}

export type TenantScope = Readonly<TenantScopeData> & { readonly [tenantScopeBrand]: true };

/** Only the gate may call this. */
export function mintTenantScope(data: TenantScopeData): TenantScope {
  return Object.freeze({ ...data }) as TenantScope;
}

import type { JobSender } from "./jobs/types";

/** What every request-bound operation receives. */
export interface RequestContext {
  db: Db;
  requestId: string;
  /** Public origin of the app, for links in mail (e.g. https://renkei.city.lg.jp). */
  baseUrl: string;
  /** The job queue, when the process runs one. Mail is never lost without it:
   * the outbox sweeper delivers whatever was not enqueued right away. */
  jobs?: JobSender;
}

/** An authenticated, tenant-scoped context: required by every tenant data function. */
export interface ScopedContext extends RequestContext {
  scope: TenantScope;
}

/**
 * A request with no tenant scope, and saying so (`scope: null`): for data
 * anyone may read (published calls, the public register, the national
 * directory) and for resources addressed by a secret in the URL or the body
 * (a calendar feed, an invitation, sign-up, a password reset, a token for a
 * password). A function that takes it can be given neither a raw Db nor a
 * tenant's scope by mistake. Tell it from a ScopedContext by `ctx.scope`
 * (null or not), not by `"scope" in ctx`.
 */
export interface PublicContext extends RequestContext {
  scope: null;
}

/** For public data that shows more to its own tenant (a municipality's draft calls to its staff). */
export type ViewerContext = ScopedContext | PublicContext;

/** The partnership desk of a public body: its admin and its staff. */
export const deskRoles = ["desk_admin", "desk_staff"] as const satisfies readonly Role[];
export const isDeskRole = (role: Role) => (deskRoles as readonly Role[]).includes(role);
/** Everyone who works for the public body on Renkei: the desk and the departments. */
export const cityStaffRoles = ["desk_admin", "desk_staff", "department_staff"] as const satisfies readonly Role[];
export const isCityStaffRole = (role: Role) => (cityStaffRoles as readonly Role[]).includes(role);
/** The partners: members of companies, universities … and intermediaries' coordinators. */
export const partnerRoles = ["member", "coordinator"] as const satisfies readonly Role[];
export const isPartnerRole = (role: Role) => (partnerRoles as readonly Role[]).includes(role);

/**
 * A question a page or API gate asks about the caller: one of the features'
 * policy predicates (canEditRoleMatrix, canReadAudit …), never a role list
 * written in a route (docs/decisions/0018).
 */
export type ScopeCheck = (scope: TenantScope) => boolean;
