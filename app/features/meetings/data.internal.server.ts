// Meeting reads for this feature's commands (a meeting or action item with its
// agreement, checked against a scope but read with a raw Db) and titles for
// other features' lists. Routes may not import this file (eslint.config.js);
// they read meetings through data.server.ts.
import { and, count, eq, inArray, isNull, lt, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { tokyoIsoDate } from "~/lib/wareki";
import { alias } from "drizzle-orm/pg-core";
import { lookup } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import { notFound } from "~/lib/errors";
import type { TenantScope } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { visibleAgreement } from "~/features/agreements/data.internal.server";
import { meetingActionItems, meetings } from "./tables";

/** A meeting whose agreement the caller is a party to, with that agreement; else 404. */
export async function visibleMeeting(db: Db, scope: TenantScope, id: string) {
  if (!isUuid(id)) throw notFound();
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  if (!meeting) throw notFound();
  const { agreement, partyOrgIds } = await visibleAgreement(db, scope, meeting.agreementId);
  return { meeting, agreement, partyOrgIds };
}

/** An action item of a meeting the caller may see; else 404. */
export async function visibleActionItem(db: Db, scope: TenantScope, id: string) {
  if (!isUuid(id)) throw notFound();
  const [item] = await db.select().from(meetingActionItems).where(eq(meetingActionItems.id, id)).limit(1);
  if (!item) throw notFound();
  return { item, ...(await visibleMeeting(db, scope, item.meetingId)) };
}

const titled = alias(meetings, "titled_meeting");

/** A meeting's title as a column of another feature's query (decision 0029). */
export function meetingTitleOf(id: SQLWrapper): SQL<string | null> {
  return lookup(titled, titled.title, titled.id, id);
}

/**
 * What the health score reads of meetings, per agreement (`ids`: only those):
 * when the latest steering and working meetings were held (not those ahead)
 * and how many action items are overdue. Two statements.
 */
export async function meetingFactsByAgreement(db: Db, now: Date, ids?: string[]) {
  const today = tokyoIsoDate(now);
  const held = await db
    .select({
      agreementId: meetings.agreementId,
      lastSteering: sql<Date | null>`max(${meetings.startsAt}) filter (where ${meetings.kind} = 'steering')`.mapWith(meetings.startsAt),
      lastWorking: sql<Date | null>`max(${meetings.startsAt}) filter (where ${meetings.kind} = 'working')`.mapWith(meetings.startsAt),
    })
    .from(meetings)
    .where(and(lte(meetings.startsAt, now), ids ? inArray(meetings.agreementId, ids) : undefined))
    .groupBy(meetings.agreementId);
  const overdue = await db
    .select({ agreementId: meetingActionItems.agreementId, n: count() })
    .from(meetingActionItems)
    .where(
      and(
        isNull(meetingActionItems.doneAt),
        lt(meetingActionItems.dueDate, today),
        ids ? inArray(meetingActionItems.agreementId, ids) : undefined,
      ),
    )
    .groupBy(meetingActionItems.agreementId);
  const day = (t: Date | null) => (t ? tokyoIsoDate(t) : null);
  const facts = new Map<string, { lastSteering: string | null; lastWorking: string | null; overdueActionItems: number }>();
  for (const r of held)
    facts.set(r.agreementId, { lastSteering: day(r.lastSteering), lastWorking: day(r.lastWorking), overdueActionItems: 0 });
  for (const r of overdue) {
    const f = facts.get(r.agreementId) ?? { lastSteering: null, lastWorking: null, overdueActionItems: 0 };
    facts.set(r.agreementId, { ...f, overdueActionItems: r.n });
  }
  return facts;
}
