// The daily digest (08:00 Japan time, after the day's reminders): one mail per
// person gathering the notifications whose category they take once a day,
// grouped by the object they are about. Run by the job queue only: routes may
// not import this file (eslint.config.js).
import { and, eq } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { translate, isLocale, type Locale } from "~/lib/i18n";
import type { JobSender } from "~/lib/jobs/types";
import { tokyoIsoDate } from "~/lib/wareki";
import { findRecipients } from "~/features/identity/data.internal.server";
import { dispatchMail, enqueueMail, type Recipient } from "./notify.internal.server";
import { notifications } from "./tables";

/** People a run gathers for at most (the next run takes the rest). */
const PEOPLE_PER_RUN = 5000;

export async function sendDailyDigests(db: Db, now: Date, baseUrl: string, jobs?: JobSender): Promise<number> {
  const waiting = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.awaitsDigest, true))
    .limit(PEOPLE_PER_RUN);
  const day = tokyoIsoDate(now);
  let sent = 0;
  for (const person of await findRecipients(
    db,
    waiting.map((w) => w.userId),
  )) {
    // Taking the rows and writing the mail in one transaction: a rerun finds nothing left, a crash leaves both undone.
    const mailIds = await db.transaction(async (tx) => {
      const taken = await tx
        .update(notifications)
        .set({ awaitsDigest: false })
        .where(and(eq(notifications.userId, person.id), eq(notifications.awaitsDigest, true)))
        .returning({ title: notifications.title, link: notifications.link, createdAt: notifications.createdAt });
      if (taken.length === 0 || !person.emailNotifications) return [];
      taken.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      return enqueueMail(tx, [digestMail(person, taken, day, baseUrl)]);
    });
    await dispatchMail(jobs, mailIds);
    sent += mailIds.length;
  }
  return sent;
}

/** One line per object (its latest title, how many updates), with the link to open it. */
export function digestMail(person: Recipient, items: { title: string; link: string | null }[], day: string, baseUrl: string) {
  const locale: Locale = isLocale(person.locale) ? person.locale : "ja";
  const byObject = new Map<string, { title: string; count: number; link: string | null }>();
  for (const item of items) {
    const key = item.link ?? `:${item.title}`;
    const seen = byObject.get(key);
    byObject.set(key, { title: item.title, count: (seen?.count ?? 0) + 1, link: item.link });
  }
  const lines = [...byObject.values()].map((o) => {
    const head = o.count > 1 ? translate(locale, "mail.digest.line.many", { title: o.title, count: o.count }) : `・${o.title}`;
    return o.link ? `${head}\n  ${new URL(o.link, baseUrl).toString()}` : head;
  });
  return {
    to: person.email,
    subject: translate(locale, "mail.digest.subject", { date: { date: day }, count: items.length }),
    bodyText: translate(locale, "mail.digest.body", { lines: lines.join("\n"), url: new URL("/notifications", baseUrl).toString() }),
    // One digest per person and day, however often the run repeats.
    dedupeKey: `digest:${person.id}:${day}`,
  };
}
