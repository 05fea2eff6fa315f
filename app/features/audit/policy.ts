import type { TenantScope } from "~/lib/tenancy";

/** Desk admins read their organisation's log; platform admins read the platform's. */
export const canReadAudit = (scope: Pick<TenantScope, "role">) =>
  scope.role === "desk_admin" || scope.role === "platform_admin";
