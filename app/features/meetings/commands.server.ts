// Meetings: the owning desk schedules them and records minutes, decisions and
// action items; any party member marks an action item done. Every command
// runs through runCommand (the change and its audit entry in one transaction). The
// reminders the job queue sends are in reminders.internal.server.ts.
import { and, eq, isNull, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { fieldError, forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { healthMayHaveChanged } from "~/features/results/health/trigger.internal.server";
import { visibleAgreement } from "~/features/agreements/data.internal.server";
import { loadMemberships } from "~/features/identity/data.internal.server";
import { hashToken } from "~/features/identity/tokens";
import { calendarFeedTokens, meetingActionItems, meetings } from "./tables";
import { canCompleteActionItem, canManageMeetings } from "./policy";
import { actionItemInput, meetingInput, type MeetingInput } from "./schema";
import { visibleActionItem, visibleMeeting } from "./data.internal.server";

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
  const created = await runCommand(ctx, { action: "meeting.create", targetType: "meeting" }, async (tx, command) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...columnsOf(input), agreementId: agreement.id, municipalityId: agreement.municipalityId, createdBy: ctx.scope.userId })
      .returning();
    command.trace({ targetId: row!.id, after: row });
    return { id: row!.id };
  });
  await healthMayHaveChanged(ctx, agreement.id);
  return created;
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
  await healthMayHaveChanged(ctx, agreement.id);
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
  const created = await runCommand(ctx, { action: "meeting.actionItem.create", targetType: "meeting_action_item" }, async (tx, command) => {
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
  await healthMayHaveChanged(ctx, agreement.id);
  return created;
}

/** Any party member marks an action item done; marking it again changes nothing. */
export async function completeMeetingActionItem(ctx: ScopedContext, itemId: string): Promise<{ meetingId: string }> {
  const { item, partyOrgIds } = await visibleActionItem(ctx.db, ctx.scope, itemId);
  if (!canCompleteActionItem(ctx.scope, partyOrgIds)) throw forbidden();
  if (item.doneAt) return { meetingId: item.meetingId };
  await runCommand(
    ctx,
    { action: "meeting.actionItem.done", targetType: "meeting_action_item", targetId: item.id },
    async (tx, command) => {
      const [row] = await tx
        .update(meetingActionItems)
        .set({ doneAt: sql`now()`, doneBy: ctx.scope.userId })
        .where(and(eq(meetingActionItems.id, item.id), isNull(meetingActionItems.doneAt)))
        .returning({ id: meetingActionItems.id, title: meetingActionItems.title, meetingId: meetingActionItems.meetingId });
      if (!row) return command.unchanged(); // Someone else was quicker.
      command.trace({ after: row });
    },
  );
  await healthMayHaveChanged(ctx, item.agreementId);
  return { meetingId: item.meetingId };
}

export const calendarFeedUrl = (baseUrl: string, token: string) => new URL(`/calendar/${token}.ics`, baseUrl).toString();

/**
 * Creates the caller's private calendar feed, or replaces its secret (the old
 * URL stops working at once). The URL is returned once; only its hash is kept.
 */
export async function rotateCalendarFeed(ctx: ScopedContext): Promise<{ url: string }> {
  const token = randomBytes(32).toString("base64url");
  await runCommand(
    ctx,
    { action: "calendarFeed.rotate", targetType: "user", targetId: ctx.scope.userId, organizationId: null },
    async (tx) => {
      await tx
        .insert(calendarFeedTokens)
        .values({ userId: ctx.scope.userId, tokenHash: hashToken(token) })
        .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { tokenHash: hashToken(token), createdAt: sql`now()` } });
    },
  );
  return { url: calendarFeedUrl(ctx.baseUrl, token) };
}

/** Stops the caller's calendar feed. */
export async function revokeCalendarFeed(ctx: ScopedContext): Promise<void> {
  await runCommand(
    ctx,
    { action: "calendarFeed.revoke", targetType: "user", targetId: ctx.scope.userId, organizationId: null },
    async (tx, command) => {
      const rows = await tx
        .delete(calendarFeedTokens)
        .where(eq(calendarFeedTokens.userId, ctx.scope.userId))
        .returning({ userId: calendarFeedTokens.userId });
      if (!rows.length) command.unchanged();
    },
  );
}
