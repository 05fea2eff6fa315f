// Meeting and action-item reminders, run by the job queue (manifest.server.ts),
// never by a request: routes may not import this file (eslint.config.js).
// Idempotent: each meeting and each overdue item is announced once.
import { and, asc, eq, gt, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import type { JobSender } from "~/lib/jobs/types";
import { tokyoIsoDate } from "~/lib/wareki";
import { remindOnce, systemContext } from "~/features/audit/run-command.internal.server";
import { loadAgreement } from "~/features/agreements/data.internal.server";
import { findDeskRecipients, findPartyRecipients, findRecipients, loadMemberships } from "~/features/identity/data.internal.server";
import { meetingActionItems, meetings } from "./tables";
import { REMINDER_LEAD_MS } from "./constants";

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
    const reminded = await remindOnce(
      reminderContext(db, now, baseUrl, jobs, m.municipalityId),
      { action: "meeting.reminder", targetType: "meeting", targetId: m.id, after: { startsAt: m.startsAt } },
      {
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
      },
    );
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
    const ownerIsParty = item.ownerUserId
      ? (await loadMemberships(db, item.ownerUserId)).some((m) => loaded.partyOrgIds.includes(m.organizationId))
      : false;
    const trace = {
      action: "meeting.actionItem.reminder",
      targetType: "meeting_action_item",
      targetId: item.id,
      after: { dueDate: item.dueDate },
    };
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
        recipients: [
          ...(await findDeskRecipients(tx, municipalityId)),
          ...(ownerIsParty && item.ownerUserId ? await findRecipients(tx, [item.ownerUserId]) : []),
        ],
        kind: "action_item_overdue",
        title: "notify.actionItemOverdue.title",
        body: "notify.actionItemOverdue.body",
        params: {
          title: item.title,
          owner: item.ownerName,
          due: { date: item.dueDate },
          meeting: meetingTitle,
          agreement: loaded.agreement.title,
        },
        link: `/meetings/${item.meetingId}`,
      }),
    });
    if (reminded) sent += 1;
  }
  return sent;
}
