// Reading meetings: the list of an agreement, one meeting with its action
// items, its calendar file, and a person's calendar feed. Visibility is the
// agreement's (features/agreements: visibleAgreement), 404 for everyone else.
import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { subqueries } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import type { PublicContext, ScopedContext } from "~/lib/tenancy";
import { tokyoIsoDate } from "~/lib/wareki";
import {
  agreementAtHomeOf,
  agreementPartyOf,
  agreementTitleOf,
  agreementsOfOrganizations,
  visibleAgreement,
} from "~/features/agreements/data.internal.server";
import { loadMemberships } from "~/features/identity/data.internal.server";
import { hashToken } from "~/features/identity/tokens";
import { calendarFeedTokens, meetingActionItems, meetings } from "./tables";
import { visibleMeeting } from "./data.internal.server";
import { canCompleteActionItem, canManageMeetings, isOverdue } from "./policy";
import { renderCalendar, type CalendarMeeting } from "./calendar.server";
import { FEED_PAST_DAYS } from "./constants";
import type { MeetingActionItemView, MeetingDetail, MeetingList, MeetingSummary, MeetingsAtHome } from "./schema";

type MeetingRow = typeof meetings.$inferSelect;

async function actionItemCounts(db: Db, meetingIds: string[], today: string) {
  if (meetingIds.length === 0) return new Map<string, { open: number; overdue: number }>();
  const rows = await db
    .select({
      meetingId: meetingActionItems.meetingId,
      open: sql<number>`count(*) filter (where ${meetingActionItems.doneAt} is null)::int`,
      overdue: sql<number>`count(*) filter (where ${meetingActionItems.doneAt} is null and ${meetingActionItems.dueDate} < ${today})::int`,
    })
    .from(meetingActionItems)
    .where(inArray(meetingActionItems.meetingId, meetingIds))
    .groupBy(meetingActionItems.meetingId);
  return new Map(rows.map((r) => [r.meetingId, { open: r.open, overdue: r.overdue }]));
}

const summaryOf = (m: MeetingRow, counts: { open: number; overdue: number } | undefined): MeetingSummary => ({
  id: m.id,
  agreementId: m.agreementId,
  kind: m.kind,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  place: m.place,
  onlineUrl: m.onlineUrl,
  openActionItems: counts?.open ?? 0,
  overdueActionItems: counts?.overdue ?? 0,
});

/** The meetings of an agreement, oldest first, and whether the caller may add one. */
export async function listMeetings(ctx: ScopedContext, agreementId: string): Promise<MeetingList> {
  const { agreement } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(eq(meetings.agreementId, agreement.id))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  const counts = await actionItemCounts(
    ctx.db,
    rows.map((r) => r.id),
    tokyoIsoDate(),
  );
  return {
    agreement: { id: agreement.id, title: agreement.title },
    meetings: rows.map((r) => summaryOf(r, counts.get(r.id))),
    can: { create: canManageMeetings(ctx.scope, agreement) },
  };
}

const HOME_ROWS = 5;
const openItem = alias(meetingActionItems, "open_item");

/**
 * What the caller's home shows of meetings: the next ones and the overdue
 * action items, of the agreements that belong on the home (the
 * organisation's; for department staff, those their department works on —
 * plus any item assigned to them by name).
 */
export async function meetingsAtHome(ctx: ScopedContext, now: Date = new Date()): Promise<MeetingsAtHome> {
  const today = tokyoIsoDate(now);
  const open = sql<number>`${subqueries
    .select({ n: count() })
    .from(openItem)
    .where(and(eq(openItem.meetingId, meetings.id), isNull(openItem.doneAt)))}`.mapWith(Number);
  const [next, items] = await Promise.all([
    ctx.db
      .select({ meeting: meetings, agreementTitle: agreementTitleOf(meetings.agreementId), open })
      .from(meetings)
      .where(and(gte(meetings.startsAt, now), agreementAtHomeOf(meetings.agreementId, ctx.scope)))
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(HOME_ROWS),
    ctx.db
      .select({
        id: meetingActionItems.id,
        title: meetingActionItems.title,
        ownerName: meetingActionItems.ownerName,
        dueDate: meetingActionItems.dueDate,
        meetingId: meetings.id,
        meetingTitle: meetings.title,
        agreementTitle: agreementTitleOf(meetings.agreementId),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(meetingActionItems)
      .innerJoin(meetings, eq(meetings.id, meetingActionItems.meetingId))
      .where(
        and(
          isNull(meetingActionItems.doneAt),
          lt(meetingActionItems.dueDate, today),
          or(
            agreementAtHomeOf(meetingActionItems.agreementId, ctx.scope),
            // Assigned to the caller by name, in an agreement of the active organisation.
            and(
              eq(meetingActionItems.ownerUserId, ctx.scope.userId),
              agreementPartyOf(meetingActionItems.agreementId, ctx.scope.organizationId),
            ),
          ),
        ),
      )
      .orderBy(asc(meetingActionItems.dueDate), asc(meetingActionItems.id))
      .limit(HOME_ROWS),
  ]);
  return {
    next: next.map((r) => ({
      ...summaryOf(r.meeting, { open: r.open, overdue: 0 }),
      agreementTitle: r.agreementTitle ?? "",
    })),
    overdueItems: items.map(({ total: _total, ...i }) => ({ ...i, agreementTitle: i.agreementTitle ?? "" })),
    overdueTotal: items[0]?.total ?? 0,
  };
}

const nextMeeting = alias(meetings, "next_meeting");
const digestItem = alias(meetingActionItems, "digest_item");

/**
 * What an agreement's page says of its meetings (issue 20): the next one, and
 * how many action items are open and overdue — one statement, which also
 * checks that the caller's organisation is a party (nothing for anyone else).
 */
export async function meetingsDigest(
  ctx: ScopedContext,
  agreementId: string,
  now: Date = new Date(),
): Promise<{ next: { id: string; title: string; startsAt: string } | null; openItems: number; overdueItems: number }> {
  const today = tokyoIsoDate(now);
  const [row] = await ctx.db
    .select({
      next: sql<{ id: string; title: string; startsAt: string } | null>`${subqueries
        .select({
          next: sql`json_build_object('id', ${nextMeeting.id}, 'title', ${nextMeeting.title}, 'startsAt', ${nextMeeting.startsAt})`,
        })
        .from(nextMeeting)
        .where(and(eq(nextMeeting.agreementId, agreementId), gte(nextMeeting.startsAt, now)))
        .orderBy(asc(nextMeeting.startsAt))
        .limit(1)}`,
      openItems: sql<number>`${subqueries
        .select({ n: count() })
        .from(digestItem)
        .where(and(eq(digestItem.agreementId, agreementId), isNull(digestItem.doneAt)))}`.mapWith(Number),
      overdueItems: sql<number>`${subqueries
        .select({ n: count() })
        .from(digestItem)
        .where(and(eq(digestItem.agreementId, agreementId), isNull(digestItem.doneAt), lt(digestItem.dueDate, today)))}`.mapWith(Number),
    })
    .from(sql`(select 1) as one`)
    .where(agreementPartyOf(sql`${agreementId}::uuid`, ctx.scope.organizationId));
  if (!row) return { next: null, openItems: 0, overdueItems: 0 };
  return {
    next: row.next ? { ...row.next, startsAt: new Date(row.next.startsAt).toISOString() } : null,
    openItems: row.openItems,
    overdueItems: row.overdueItems,
  };
}

export async function getMeeting(ctx: ScopedContext, id: string): Promise<MeetingDetail> {
  const { meeting: m, agreement, partyOrgIds } = await visibleMeeting(ctx.db, ctx.scope, id);
  const today = tokyoIsoDate();
  const items = await ctx.db
    .select()
    .from(meetingActionItems)
    .where(eq(meetingActionItems.meetingId, m.id))
    .orderBy(asc(sql`${meetingActionItems.doneAt} is not null`), asc(meetingActionItems.dueDate), asc(meetingActionItems.createdAt));
  const actionItems: MeetingActionItemView[] = items.map((i) => ({
    id: i.id,
    title: i.title,
    ownerName: i.ownerName,
    ownerUserId: i.ownerUserId,
    dueDate: i.dueDate,
    doneAt: i.doneAt?.toISOString() ?? null,
    overdue: isOverdue(i, today),
  }));
  const manage = canManageMeetings(ctx.scope, agreement);
  return {
    ...summaryOf(m, { open: actionItems.filter((i) => !i.doneAt).length, overdue: actionItems.filter((i) => i.overdue).length }),
    agreementTitle: agreement.title,
    agenda: m.agenda,
    attendees: m.attendees,
    minutes: m.minutes,
    decisions: m.decisions,
    sequence: m.sequence,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    actionItems,
    can: { edit: manage, addActionItem: manage, completeActionItems: canCompleteActionItem(ctx.scope, partyOrgIds) },
  };
}

const calendarMeeting = (m: MeetingRow, agreementTitle: string): CalendarMeeting => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  place: m.place,
  onlineUrl: m.onlineUrl,
  agenda: m.agenda,
  agreementTitle,
  sequence: m.sequence,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

/** One meeting as an .ics file, for whoever may see it. */
export async function meetingCalendar(ctx: ScopedContext, id: string): Promise<{ body: string; filename: string; asciiFilename: string }> {
  const { meeting, agreement } = await visibleMeeting(ctx.db, ctx.scope, id);
  // "20270415_第1回実務者会議.ics": the Tokyo date first, so downloads sort by when they meet.
  const date = tokyoIsoDate(meeting.startsAt).replace(/-/g, "");
  const title = meeting.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").slice(0, 80);
  return {
    body: renderCalendar([calendarMeeting(meeting, agreement.title)], { baseUrl: ctx.baseUrl }),
    filename: `${date}_${title}.ics`,
    asciiFilename: `meeting-${date}.ics`,
  };
}

/** Whether the caller has a calendar feed, and since when (the URL itself is shown only once). */
export async function calendarFeedStatus(ctx: ScopedContext): Promise<{ createdAt: string | null }> {
  const [row] = await ctx.db
    .select({ createdAt: calendarFeedTokens.createdAt })
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.userId, ctx.scope.userId))
    .limit(1);
  return { createdAt: row?.createdAt.toISOString() ?? null };
}

/** Feed secrets are 32 random bytes, base64url: anything else is not looked up. */
export const looksLikeFeedToken = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

/**
 * The agreements a person's organisations are parties to (id → title), as the
 * agreements feature lists them for each of the person's memberships. The feed
 * secret stands in for a session here: the scopes come from the person's own
 * memberships, read fresh on every request, so leaving an organisation takes
 * its agreements out of the feed.
 */
async function agreementsOfUser(db: Db, userId: string): Promise<Map<string, string>> {
  const memberships = await loadMemberships(db, userId);
  return agreementsOfOrganizations(
    db,
    memberships.map((m) => m.organizationId),
  );
}

/**
 * A person's calendar feed: the meetings of every agreement their
 * organisations are parties to, from 90 days ago on. Null for a token that
 * is not (or no longer) anyone's.
 */
export async function calendarFeed({ db, baseUrl }: PublicContext, token: string, options: { now?: Date } = {}): Promise<string | null> {
  if (!looksLikeFeedToken(token)) return null;
  const [owner] = await db
    .select({ userId: calendarFeedTokens.userId })
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!owner) return null;
  const agreementTitles = await agreementsOfUser(db, owner.userId);
  const since = new Date((options.now ?? new Date()).getTime() - FEED_PAST_DAYS * 24 * 60 * 60 * 1000);
  const rows = agreementTitles.size
    ? await db
        .select()
        .from(meetings)
        .where(and(inArray(meetings.agreementId, [...agreementTitles.keys()]), gte(meetings.startsAt, since)))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .limit(2000)
    : [];
  return renderCalendar(
    rows.map((m) => calendarMeeting(m, agreementTitles.get(m.agreementId) ?? "")),
    { baseUrl, name: "Renkei 連携会議" },
  );
}
