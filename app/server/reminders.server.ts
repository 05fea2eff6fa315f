// The daily reminder run (08:00 Japan time, by the job queue). Each feature's
// reminder function is idempotent, so a rerun or a second node sends nothing twice.
import type { Db } from "~/lib/db/client.server";
import { tokyoIsoDate } from "~/lib/wareki";
import { sendRenewalReminders } from "~/features/agreements/commands.server";
import { sendOverdueActionItemReminders } from "~/features/meetings/commands.server";

export async function runDailyReminders(db: Db, baseUrl: string, now: Date = new Date()): Promise<{ agreements: number; actionItems: number }> {
  const today = tokyoIsoDate(now);
  return {
    agreements: await sendRenewalReminders(db, today, baseUrl),
    actionItems: await sendOverdueActionItemReminders(db, now, baseUrl),
  };
}
