// The reader's own commands on their notifications.
import { and, eq, isNull, sql } from "drizzle-orm";
import { notFound } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { isUuid } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { parseInput } from "~/lib/validation";
import { notifications } from "./tables";
import { mailPreferencesInput } from "./schema";
import { mailPreferencesOf, writeMailPreferences } from "./preferences.internal.server";

export async function markNotificationRead(ctx: ScopedContext, id: string): Promise<void> {
  // A tampered form value is a notification that does not exist, not a database error.
  if (!isUuid(id)) throw notFound();
  await runCommand(
    ctx,
    { action: "notification.read", targetType: "notification", targetId: id, organizationId: null },
    async (tx, command) => {
      const [row] = await tx
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.scope.userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      if (row) return;
      // Already read: nothing to audit, but only if it is the caller's.
      const [exists] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.scope.userId)));
      if (!exists) throw notFound();
      command.unchanged();
    },
  );
}

/** Marks read every notification about one object (the page `link` leads to): a card of the grouped list. */
export async function markObjectNotificationsRead(ctx: ScopedContext, link: string): Promise<number> {
  return runCommand(ctx, { action: "notification.read", targetType: "notification", organizationId: null }, async (tx, command) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, ctx.scope.userId), eq(notifications.link, link), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) command.trace({ after: { link, count: rows.length } });
    else command.unchanged();
    return rows.length;
  });
}

export async function markAllNotificationsRead(ctx: ScopedContext): Promise<number> {
  return runCommand(ctx, { action: "notification.read", targetType: "notification", organizationId: null }, async (tx, command) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, ctx.scope.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) command.trace({ after: { count: rows.length } });
    else command.unchanged();
    return rows.length;
  });
}

/** The caller chooses, per category, mail at once, once a day or none (the API; the settings page saves it with the rest). */
export async function setMailPreferences(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  const input = parseInput(mailPreferencesInput, rawInput);
  await runCommand(
    ctx,
    { action: "user.mailPreferences", targetType: "user", targetId: ctx.scope.userId, after: input, organizationId: null },
    async (tx, command) => {
      command.trace({ before: await mailPreferencesOf(tx, ctx.scope.userId) });
      await writeMailPreferences(tx, ctx.scope.userId, input);
    },
  );
}
