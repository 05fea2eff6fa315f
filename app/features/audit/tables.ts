import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only record of every state change, written in the same transaction
 * as the change itself. `organizationId` is the tenant that owns the entry.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name"),
    organizationId: uuid("organization_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id").notNull(),
  },
  (t) => [
    index("audit_log_org_time").on(t.organizationId, t.occurredAt.desc(), t.id.desc()),
    index("audit_log_target").on(t.targetType, t.targetId),
  ],
);
