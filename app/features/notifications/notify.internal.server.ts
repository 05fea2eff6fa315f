// What commands use to reach people: in-app notifications and outbox mail,
// written inside the command's transaction (runCommand queues the mail after commit).
// They take the transaction, so routes may not import this file (eslint.config.js).
import type { Tx } from "~/lib/db/client.server";
import { translate, isLocale, type MessageKey, type MessageParams } from "~/lib/i18n";
import type { JobSender } from "~/lib/jobs/types";
import { and, eq, inArray } from "drizzle-orm";
import { mailPreferences, notifications, outboxEmails } from "./tables";
import { mailCategoryOf, type MailCategory, type MailDelivery } from "./constants";

export interface MailInput {
  to: string;
  subject: string;
  bodyText: string;
  /** Same key → the mail is written once, however often the cause repeats. */
  dedupeKey?: string;
}

/** Writes mails to the outbox inside the caller's transaction; returns their ids. */
export async function enqueueMail(tx: Tx, mails: MailInput[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = await tx
    .insert(outboxEmails)
    .values(mails.map((m) => ({ toAddress: m.to, subject: m.subject, bodyText: m.bodyText, dedupeKey: m.dedupeKey ?? null })))
    .onConflictDoNothing()
    .returning({ id: outboxEmails.id });
  return rows.map((r) => r.id);
}

/** After commit: hand the new mails to the queue (the sweeper covers failures here). */
export async function dispatchMail(jobs: JobSender | undefined, outboxIds: string[]): Promise<void> {
  if (!jobs) return;
  for (const outboxId of outboxIds) {
    try {
      await jobs.send("outbox.deliver", { outboxId }, { singletonKey: outboxId });
    } catch (error) {
      console.error("[mail] enqueue failed; the sweeper will retry", (error as Error).message);
    }
  }
}

/** Who receives a notification; the identity feature looks these up. */
export interface Recipient {
  id: string;
  email: string;
  locale: string;
  emailNotifications: boolean;
}

export interface NotifyInput {
  recipients: Recipient[];
  organizationId: string | null;
  kind: string;
  title: MessageKey;
  body: MessageKey;
  params?: MessageParams;
  /** Path inside the app, e.g. /org/members. */
  link?: string;
  baseUrl: string;
}

/**
 * In-app notification for each user, plus a mail for those who want mail,
 * rendered in each user's language. Runs inside the caller's transaction.
 */
export async function notifyUsers(tx: Tx, input: NotifyInput): Promise<string[]> {
  const recipients = [...new Map(input.recipients.map((r) => [r.id, r])).values()];
  if (recipients.length === 0) return [];
  const delivery = await mailDeliveryOf(tx, recipients, mailCategoryOf(input.kind));
  await tx.insert(notifications).values(
    recipients.map((r) => {
      const locale = isLocale(r.locale) ? r.locale : "ja";
      return {
        userId: r.id,
        organizationId: input.organizationId,
        kind: input.kind,
        title: translate(locale, input.title, input.params),
        body: translate(locale, input.body, input.params),
        link: input.link ?? null,
        awaitsDigest: delivery.get(r.id) === "daily",
      };
    }),
  );
  return enqueueMail(
    tx,
    recipients
      .filter((r) => delivery.get(r.id) === "immediate")
      .map((r) => {
        const locale = isLocale(r.locale) ? r.locale : "ja";
        const title = translate(locale, input.title, input.params);
        return {
          to: r.email,
          subject: translate(locale, "mail.notification.subject", { title }),
          bodyText: translate(locale, "mail.notification.body", {
            body: translate(locale, input.body, input.params),
            url: input.link ? new URL(input.link, input.baseUrl).toString() : input.baseUrl,
          }),
        };
      }),
  );
}

/**
 * How each recipient takes this notification's mail: not at all when they
 * turned mail off, at once for account mails, else as they chose for the
 * category (at once when they never chose).
 */
async function mailDeliveryOf(tx: Tx, recipients: Recipient[], category: MailCategory | null): Promise<Map<string, MailDelivery>> {
  const wanting = recipients.filter((r) => r.emailNotifications);
  const chosen =
    category === null || wanting.length === 0
      ? []
      : await tx
          .select({ userId: mailPreferences.userId, delivery: mailPreferences.delivery })
          .from(mailPreferences)
          .where(
            and(
              eq(mailPreferences.category, category),
              inArray(
                mailPreferences.userId,
                wanting.map((r) => r.id),
              ),
            ),
          );
  const byUser = new Map(chosen.map((c) => [c.userId, c.delivery]));
  return new Map(recipients.map((r) => [r.id, r.emailNotifications ? (byUser.get(r.id) ?? "immediate") : "off"]));
}
