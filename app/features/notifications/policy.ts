import type { TenantScope } from "~/lib/tenancy";

/** The outbox holds every user's mail: only platform admins may read it. */
export const canReadOutbox = (scope: Pick<TenantScope, "role">) => scope.role === "platform_admin";
