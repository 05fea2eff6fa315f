import { and, count, desc, eq, isNull } from "drizzle-orm";
import { forbidden } from "~/lib/errors";
import type { ScopedContext } from "~/lib/tenancy";
import { canReadOutbox } from "./policy";
import { notifications, outboxEmails } from "./tables";
import type { MailPreferences, NotificationItem, OutboxItem } from "./schema";
import { mailPreferencesOf } from "./preferences.internal.server";

/** A user's own notifications, newest first. */
export async function listNotifications(ctx: ScopedContext, limit = 50): Promise<NotificationItem[]> {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, ctx.scope.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function countUnreadNotifications(ctx: ScopedContext): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.scope.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listOutbox(ctx: ScopedContext, limit = 100): Promise<OutboxItem[]> {
  if (!canReadOutbox(ctx.scope)) throw forbidden();
  const rows = await ctx.db.select().from(outboxEmails).orderBy(desc(outboxEmails.createdAt)).limit(limit);
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

/** How the caller takes the mail of each category. */
export function getMailPreferences(ctx: ScopedContext): Promise<MailPreferences> {
  return mailPreferencesOf(ctx.db, ctx.scope.userId);
}
