// A person's choice of how mail of each category reaches them, read and written
// for the identity feature's settings command (inside its transaction). Routes
// may not import this file (eslint.config.js); they read it through data.server.ts.
import { eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "~/lib/db/client.server";
import { mailCategories } from "./constants";
import { mailPreferences } from "./tables";
import type { MailPreferences } from "./schema";

/** Every category's delivery, at once where the person never chose. */
export async function mailPreferencesOf(db: Queryable, userId: string): Promise<MailPreferences> {
  const rows = await db
    .select({ category: mailPreferences.category, delivery: mailPreferences.delivery })
    .from(mailPreferences)
    .where(eq(mailPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.category, r.delivery]));
  return Object.fromEntries(mailCategories.map((c) => [c, chosen.get(c) ?? "immediate"])) as MailPreferences;
}

export async function writeMailPreferences(tx: Tx, userId: string, preferences: MailPreferences): Promise<void> {
  await tx
    .insert(mailPreferences)
    .values(mailCategories.map((category) => ({ userId, category, delivery: preferences[category] })))
    .onConflictDoUpdate({
      target: [mailPreferences.userId, mailPreferences.category],
      set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
    });
}
