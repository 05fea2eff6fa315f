import type { TenantScope } from "~/lib/tenancy";

type Scope = Pick<TenantScope, "role" | "organizationId">;

/** Desk admins read their organisation's log; platform admins read the platform's. */
export const canReadAudit = (scope: Pick<TenantScope, "role">) => scope.role === "desk_admin" || scope.role === "platform_admin";

/** Platform admins list every organisation's entries; everyone else their own organisation's. */
export const readsEveryOrganizationsLog = (scope: Pick<TenantScope, "role">) => scope.role === "platform_admin";

/**
 * Target types whose visibility the proposals feature decides (the proposal
 * itself, its files and action items are recorded against the proposal; a
 * message's files against the message).
 */
export const proposalTargetTypes = { proposal: "proposals", proposal_message: "messages" } as const;
export const isProposalTarget = (targetType: string): targetType is keyof typeof proposalTargetTypes =>
  Object.hasOwn(proposalTargetTypes, targetType);

/** What the platform administers itself: its admins read these changes in every organisation. */
const platformTargets: ReadonlySet<string> = new Set(["platform", "organization", "membership", "invitation", "user", "api_token"]);

/**
 * Whether the caller may read an entry's before/after, given the ids of
 * confidential records (proposals, messages) the caller may see. Entries are
 * listed to those who read the log either way; their contents follow the
 * object they record (docs/decisions/0014):
 * - a proposal's: only its circle (proposer, target desk, shared departments);
 * - any other object's: members of the organisation the entry belongs to;
 * - and platform admins for the platform's own administration.
 * A new target type is therefore withheld from outsiders until decided otherwise.
 */
export function mayReadChanges(
  scope: Scope,
  entry: { organizationId: string | null; targetType: string; targetId: string | null },
  visibleRecords: ReadonlySet<string>,
): boolean {
  if (isProposalTarget(entry.targetType)) return entry.targetId !== null && visibleRecords.has(entry.targetId);
  if (entry.organizationId !== null && entry.organizationId === scope.organizationId) return true;
  return scope.role === "platform_admin" && platformTargets.has(entry.targetType);
}
