// Who may do what with meetings, as pure functions. A meeting is seen by
// whoever sees its agreement (every member of every party).
import type { TenantScope } from "~/lib/tenancy";
import { isOwningDesk, isPartyMember } from "~/features/agreements/policy";
import { REMINDER_LEAD_MS } from "./constants";

type Scope = Pick<TenantScope, "role" | "organizationId">;

/** The owning municipality's desk schedules meetings, records minutes and assigns action items. */
export const canManageMeetings = (scope: Scope | null, agreement: { municipalityId: string }) => isOwningDesk(scope, agreement);

/** Whoever promised something may say it is done: any member of any party. */
export const canCompleteActionItem = (scope: Scope | null, partyOrgIds: readonly string[]) => isPartyMember(scope, partyOrgIds);

/** Past its due date (a Tokyo calendar date) and not done. */
export const isOverdue = (item: { dueDate: string; doneAt: Date | string | null }, today: string) => !item.doneAt && item.dueDate < today;

/** Starts within the reminder lead time from now and was not announced yet. */
export const needsMeetingReminder = (m: { startsAt: Date; remindedAt: Date | null }, now: Date) =>
  !m.remindedAt && m.startsAt.getTime() > now.getTime() && m.startsAt.getTime() - now.getTime() <= REMINDER_LEAD_MS;
