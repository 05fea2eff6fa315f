// The daily renewal reminders, run by the job queue (manifest.server.ts),
// never by a request: routes may not import this file (eslint.config.js).
import { and, eq, gte, inArray, lte, or } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import type { JobSender } from "~/lib/jobs/types";
import { remindOnce, systemContext } from "~/features/audit/run-command.internal.server";
import { findPartyRecipients } from "~/features/identity/data.internal.server";
import { agreementParties, agreementReminders, agreements } from "./tables";
import { addDays, daysBetween } from "./register/term";

const REMINDER_DAYS = [180, 90, 30] as const;

/**
 * The daily reminder job: 180, 90 and 30 days before an agreement ends, or
 * before the deadline to object to its automatic renewal, the desk and the
 * partners hear of it. Each reminder is recorded, so a rerun (or a second
 * node running the same job) sends nothing twice.
 */
export async function sendRenewalReminders(db: Db, today: string, baseUrl: string, jobs?: JobSender): Promise<number> {
  // Only what falls due within the longest notice, and only the columns the reminder uses.
  const horizon = addDays(today, REMINDER_DAYS[0]);
  const live = await db
    .select({
      id: agreements.id,
      title: agreements.title,
      municipalityId: agreements.municipalityId,
      renewalRule: agreements.renewalRule,
      endsOn: agreements.endsOn,
      objectionDeadline: agreements.objectionDeadline,
    })
    .from(agreements)
    .where(
      and(
        inArray(agreements.status, ["signed", "active", "renewed", "renewal_review"]),
        or(
          and(gte(agreements.endsOn, today), lte(agreements.endsOn, horizon)),
          and(
            eq(agreements.renewalRule, "automatic"),
            gte(agreements.objectionDeadline, today),
            lte(agreements.objectionDeadline, horizon),
          ),
        ),
      ),
    );
  let sent = 0;
  for (const a of live) {
    for (const [kind, due] of [
      ["objection", a.renewalRule === "automatic" ? a.objectionDeadline : null],
      ["end", a.endsOn],
    ] as const) {
      if (!due || due < today) continue;
      const daysLeft = daysBetween(today, due);
      const threshold = [...REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
      if (!threshold) continue;
      const ctx = systemContext({ db, requestId: `reminder-${today}`, baseUrl, jobs }, a.municipalityId);
      const trace = {
        action: "agreement.reminder",
        targetType: "agreement",
        targetId: a.id,
        after: { kind, dueOn: due, daysBefore: threshold },
      };
      const reminded = await remindOnce(ctx, trace, {
        claim: async (tx) =>
          (
            await tx
              .insert(agreementReminders)
              .values({ agreementId: a.id, kind, daysBefore: threshold, dueOn: due })
              .onConflictDoNothing()
              .returning()
          ).length > 0,
        notice: async (tx) => {
          const parties = await tx
            .select({ id: agreementParties.organizationId })
            .from(agreementParties)
            .where(eq(agreementParties.agreementId, a.id));
          return {
            recipients: await findPartyRecipients(
              tx,
              a.municipalityId,
              parties.map((p) => p.id),
            ),
            kind: "agreement_reminder",
            title: kind === "end" ? "notify.agreementEnding.title" : "notify.agreementObjection.title",
            body: kind === "end" ? "notify.agreementEnding.body" : "notify.agreementObjection.body",
            params: { title: a.title, days: daysLeft, date: { date: due } },
            link: `/agreements/${a.id}`,
          };
        },
      });
      if (reminded) sent++;
    }
  }
  return sent;
}
