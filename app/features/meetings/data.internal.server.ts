// Meeting reads for this feature's commands (a meeting or action item with its
// agreement, checked against a scope but read with a raw Db) and titles for
// other features' lists. Routes may not import this file (eslint.config.js);
// they read meetings through data.server.ts.
import { eq, type SQL, type SQLWrapper } from "drizzle-orm";
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
