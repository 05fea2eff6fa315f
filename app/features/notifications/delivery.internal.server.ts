// Outbox delivery, run by the job queue. A mail moves pending → sent (SMTP) or
// kept (no SMTP); a failed attempt is recorded and re-thrown so the queue
// retries with backoff; the sweeper re-enqueues anything left behind.
// Run by the job queue only: routes may not import this file (eslint.config.js).
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import type { JobSender } from "~/lib/jobs/types";
import type { MailTransport } from "~/lib/mail.server";
import { outboxEmails } from "./tables";

export async function deliverOutboxMail(db: Db, outboxId: string, transport: MailTransport | null): Promise<"sent" | "kept" | "skipped"> {
  const [mail] = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.id, outboxId), inArray(outboxEmails.status, ["pending", "failed"])));
  if (!mail) return "skipped";
  if (!transport) {
    await db
      .update(outboxEmails)
      .set({ status: "kept", attempts: mail.attempts + 1 })
      .where(eq(outboxEmails.id, outboxId));
    return "kept";
  }
  try {
    await transport.send({ to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
  } catch (error) {
    await db
      .update(outboxEmails)
      .set({ status: "failed", attempts: mail.attempts + 1, lastError: String((error as Error).message).slice(0, 500) })
      .where(eq(outboxEmails.id, outboxId));
    throw error;
  }
  await db
    .update(outboxEmails)
    .set({ status: "sent", attempts: mail.attempts + 1, sentAt: sql`now()`, lastError: null })
    .where(eq(outboxEmails.id, outboxId));
  return "sent";
}

/** Re-enqueues mail that has waited longer than `olderThanSeconds`. */
export async function sweepOutbox(db: Db, jobs: JobSender, olderThanSeconds = 60): Promise<number> {
  const stale = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(
      and(
        inArray(outboxEmails.status, ["pending", "failed"]),
        lt(outboxEmails.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
        lt(outboxEmails.attempts, 20),
      ),
    )
    .limit(500);
  for (const { id } of stale) await jobs.send("outbox.deliver", { outboxId: id }, { singletonKey: id });
  return stale.length;
}
