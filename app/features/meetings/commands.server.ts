// Meetings: the owning desk schedules them and records minutes, decisions and
// action items; any party member marks an action item done. Every command
// runs through runCommand (the change and its audit entry in one transaction). The reminder
// functions at the end are run by the job queue (idempotent: each meeting and
// each overdue item is announced once).
import { and, asc, eq, gt, isNull, lt, lte, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db/client.server";
import { fieldError, forbidden } from "~/lib/errors";
import type { JobSender } from "~/lib/jobs/types";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { tokyoIsoDate } from "~/lib/wareki";
import { remindOnce, runCommand, systemContext } from "~/features/audit/run-command.internal.server";
import { loadAgreement, visibleAgreement } from "~/features/agreements/data.internal.server";
import { findDeskRecipients, findPartyRecipients, findRecipients, loadMemberships } from "~/features/identity/data.internal.server";
import { hashToken } from "~/features/identity/tokens";
import { calendarFeedTokens, meetingActionItems, meetings } from "./tables";
import { canCompleteActionItem, canManageMeetings } from "./policy";
import { actionItemInput, meetingInput, type MeetingInput } from "./schema";
import { visibleActionItem, visibleMeeting } from "./data.internal.server";
import { REMINDER_LEAD_MS } from "./constants";

const columnsOf = (input: MeetingInput) => ({
  kind: input.kind,
  title: input.title,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  place: input.place ?? "",
  onlineUrl: input.onlineUrl ?? "",
  agenda: input.agenda ?? "",
  attendees: input.attendees ?? "",
  minutes: input.minutes ?? "",
  decisions: input.decisions ?? "",
});

/** The owning desk schedules a meeting of an agreement. */
export async function createMeeting(ctx: ScopedContext, agreementId: string, rawInput: unknown): Promise<{ id: string }> {
  const { agreement } = await visibleAgreement(ctx.db, ctx.scope, agreementId);
  if (!canManageMeetings(ctx.scope, agreement)) throw forbidden();
  const input = parseInput(meetingInput, rawInput);
  return runCommand(ctx, { action: "meeting.create", targetType: "meeting" }, async (tx, command) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...columnsOf(input), agreementId: agreement.id, municipalityId: agreement.municipalityId, createdBy: ctx.scope.userId })
      .returning();
    command.trace({ targetId: row!.id, after: row });
    return { id: row!.id };
  });
}

/**
 * The owning desk changes a meeting (time, place, agenda) or records its
 * minutes and decisions. A moved meeting is announced again.
 */
export async function updateMeeting(ctx: ScopedContext, id: string, rawInput: unknown): Promise<void> {
  const { meeting: before, agreement } = await visibleMeeting(ctx.db, ctx.scope, id);
  if (!canManageMeetings(ctx.scope, agreement)) throw forbidden();
  const input = parseInput(meetingInput, rawInput);
  const moved = input.startsAt.getTime() !== before.startsAt.getTime();
  await runCommand(ctx, { action: "meeting.update", targetType: "meeting", targetId: id, before, after: columnsOf(input) }, async (tx) => {
    await tx
      .update(meetings)
      .set({ ...columnsOf(input), sequence: sql`${meetings.sequence} + 1`, ...(moved ? { remindedAt: null } : {}) })
      .where(eq(meetings.id, id));
  });
}

/** The owning desk records an action item: what, who, by when. */
export async function addMeetingActionItem(ctx: ScopedContext, meetingId: string, rawInput: unknown): Promise<{ id: string }> {
  const { meeting, agreement, partyOrgIds } = await visibleMeeting(ctx.db, ctx.scope, meetingId);
  if (!canManageMeetings(ctx.scope, agreement)) throw forbidden();
  const input = parseInput(actionItemInput, rawInput);
  if (input.ownerUserId) {
    // Only someone who can see the meeting can be its owner (and be reminded of it).
    const owners = await loadMemberships(ctx.db, input.ownerUserId);
    if (!owners.some((m) => partyOrgIds.includes(m.organizationId))) throw fieldError("ownerUserId", "validation.invalidChoice");
  }
  return runCommand(ctx, { action: "meeting.actionItem.create", targetType: "meeting_action_item" }, async (tx, command) => {
    const [row] = await tx
      .insert(meetingActionItems)
      .values({
        meetingId: meeting.id,
        agreementId: meeting.agreementId,
        title: input.title,
        ownerName: input.ownerName,
        ownerUserId: input.ownerUserId ?? null,
        dueDate: input.dueDate,
        createdBy: ctx.scope.userId,
      })
      .returning();
    command.trace({ targetId: row!.id, after: row });
    return { id: row!.id };
  });
}

/** Any party member marks an action item done; marking it again changes nothing. */
export async function completeMeetingActionItem(ctx: ScopedContext, itemId: string): Promise<{ meetingId: string }> {
  const { item, partyOrgIds } = await visibleActionItem(ctx.db, ctx.scope, itemId);
  if (!canCompleteActionItem(ctx.scope, partyOrgIds)) throw forbidden();
  if (item.doneAt) return { meetingId: item.meetingId };
  await runCommand(ctx, { action: "meeting.actionItem.done", targetType: "meeting_action_item", targetId: item.id }, async (tx, command) => {
    const [row] = await tx
      .update(meetingActionItems)
      .set({ doneAt: sql`now()`, doneBy: ctx.scope.userId })
      .where(and(eq(meetingActionItems.id, item.id), isNull(meetingActionItems.doneAt)))
      .returning({ id: meetingActionItems.id, title: meetingActionItems.title, meetingId: meetingActionItems.meetingId });
    if (!row) return command.unchanged(); // Someone else was quicker.
    command.trace({ after: row });
  });
  return { meetingId: item.meetingId };
}

export const calendarFeedUrl = (baseUrl: string, token: string) => new URL(`/calendar/${token}.ics`, baseUrl).toString();

/**
 * Creates the caller's private calendar feed, or replaces its secret (the old
 * URL stops working at once). The URL is returned once; only its hash is kept.
 */
export async function rotateCalendarFeed(ctx: ScopedContext): Promise<{ url: string }> {
  const token = randomBytes(32).toString("base64url");
  await runCommand(ctx, { action: "calendarFeed.rotate", targetType: "user", targetId: ctx.scope.userId, organizationId: null }, async (tx) => {
    await tx
      .insert(calendarFeedTokens)
      .values({ userId: ctx.scope.userId, tokenHash: hashToken(token) })
      .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { tokenHash: hashToken(token), createdAt: sql`now()` } });
  });
  return { url: calendarFeedUrl(ctx.baseUrl, token) };
}

/** Stops the caller's calendar feed. */
export async function revokeCalendarFeed(ctx: ScopedContext): Promise<void> {
  await runCommand(ctx, { action: "calendarFeed.revoke", targetType: "user", targetId: ctx.scope.userId, organizationId: null }, async (tx, command) => {
    const rows = await tx.delete(calendarFeedTokens).where(eq(calendarFeedTokens.userId, ctx.scope.userId)).returning({ userId: calendarFeedTokens.userId });
    if (!rows.length) command.unchanged();
  });
}

/** Reminders are the system's doing: audited as "Renkei", in the municipality's log, under the run's time. */
const reminderContext = (db: Db, now: Date, baseUrl: string, jobs: JobSender | undefined, municipalityId: string) =>
  systemContext({ db, requestId: `reminder-${now.toISOString()}`, baseUrl, jobs }, municipalityId);

/**
 * Announces every meeting that starts within the next 24 hours and was not
 * announced yet, to the owning desk and the partners' members (in-app and by
 * mail). Each meeting is claimed (reminded_at) by remindOnce, so a second run,
 * or two runs at once, send nothing more. Returns the number of meetings announced.
 */
export async function sendMeetingReminders(db: Db, now: Date, baseUrl: string, jobs?: JobSender): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_LEAD_MS);
  const due = await db
    .select()
    .from(meetings)
    .where(and(isNull(meetings.remindedAt), gt(meetings.startsAt, now), lte(meetings.startsAt, until)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(500);
  let sent = 0;
  for (const m of due) {
    const loaded = await loadAgreement(db, m.agreementId);
    if (!loaded) continue;
    const reminded = await remindOnce(reminderContext(db, now, baseUrl, jobs, m.municipalityId), { action: "meeting.reminder", targetType: "meeting", targetId: m.id, after: { startsAt: m.startsAt } }, {
      claim: async (tx) => {
        const claimed = await tx
          .update(meetings)
          // A reminder is not an edit: updated_at (the calendar's LAST-MODIFIED) stays.
          .set({ remindedAt: now, updatedAt: sql`${meetings.updatedAt}` })
          .where(and(eq(meetings.id, m.id), isNull(meetings.remindedAt), eq(meetings.startsAt, m.startsAt)))
          .returning({ id: meetings.id });
        return claimed.length > 0;
      },
      notice: async (tx) => ({
        recipients: await findPartyRecipients(tx, loaded.agreement.municipalityId, loaded.partyOrgIds),
        kind: "meeting_reminder",
        title: "notify.meetingReminder.title",
        body: "notify.meetingReminder.body",
        params: {
          title: m.title,
          kind: { key: `meetings.kind.${m.kind}` },
          agreement: loaded.agreement.title,
          startsAt: { dateTime: m.startsAt.toISOString() },
          place: [m.place, m.onlineUrl].filter(Boolean).join(" / ") || "—",
        },
        link: `/meetings/${m.id}`,
      }),
    });
    if (reminded) sent += 1;
  }
  return sent;
}

/**
 * Reminds the owning desk, and the owner when they have an account and still
 * belong to a party, of every action item past its due date (Japan time) and
 * not done. Once per item, claimed like the meeting reminders. Returns the
 * number of items reminded.
 */
export async function sendOverdueActionItemReminders(db: Db, now: Date, baseUrl: string, jobs?: JobSender): Promise<number> {
  const today = tokyoIsoDate(now);
  const due = await db
    .select({ item: meetingActionItems, meetingTitle: meetings.title, municipalityId: meetings.municipalityId })
    .from(meetingActionItems)
    .innerJoin(meetings, eq(meetings.id, meetingActionItems.meetingId))
    .where(and(isNull(meetingActionItems.doneAt), isNull(meetingActionItems.remindedAt), lt(meetingActionItems.dueDate, today)))
    .orderBy(asc(meetingActionItems.dueDate), asc(meetingActionItems.id))
    .limit(500);
  let sent = 0;
  for (const { item, meetingTitle, municipalityId } of due) {
    const loaded = await loadAgreement(db, item.agreementId);
    if (!loaded) continue;
    // The owner hears of it only while they still belong to a party (and so see the meeting).
    const ownerIsParty = item.ownerUserId ? (await loadMemberships(db, item.ownerUserId)).some((m) => loaded.partyOrgIds.includes(m.organizationId)) : false;
    const trace = { action: "meeting.actionItem.reminder", targetType: "meeting_action_item", targetId: item.id, after: { dueDate: item.dueDate } };
    const reminded = await remindOnce(reminderContext(db, now, baseUrl, jobs, municipalityId), trace, {
      claim: async (tx) => {
        const claimed = await tx
          .update(meetingActionItems)
          .set({ remindedAt: now })
          .where(and(eq(meetingActionItems.id, item.id), isNull(meetingActionItems.remindedAt), isNull(meetingActionItems.doneAt)))
          .returning({ id: meetingActionItems.id });
        return claimed.length > 0;
      },
      notice: async (tx) => ({
        recipients: [...(await findDeskRecipients(tx, municipalityId)), ...(ownerIsParty && item.ownerUserId ? await findRecipients(tx, [item.ownerUserId]) : [])],
        kind: "action_item_overdue",
        title: "notify.actionItemOverdue.title",
        body: "notify.actionItemOverdue.body",
        params: { title: item.title, owner: item.ownerName, due: { date: item.dueDate }, meeting: meetingTitle, agreement: loaded.agreement.title },
        link: `/meetings/${item.meetingId}`,
      }),
    });
    if (reminded) sent += 1;
  }
  return sent;
}
