// The audit trail's writer, called by runCommand (run-command.internal.server.ts)
// with the transaction of the change it records. Routes may not import this
// file (eslint.config.js).
import type { Tx } from "~/lib/db/client.server";
import type { RequestContext } from "~/lib/tenancy";
import { toJsonbSafeText } from "~/lib/validation";
import { auditLog } from "./tables";

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the actor's active organisation. */
  organizationId?: string | null;
}

/** Who acted: a member (their TenantScope fits), or null ids for the system and anonymous visitors. */
export interface AuditActor {
  userId: string | null;
  userName: string | null;
  organizationId: string | null;
}

/**
 * Writes one audit entry. Must be called with the transaction of the change it
 * records, so that the entry and the change commit or roll back together.
 * Commands do not call this: runCommand (run-command.server.ts) does.
 */
export async function recordAudit(
  tx: Tx,
  ctx: Pick<RequestContext, "requestId"> & { actor: AuditActor },
  entry: AuditInput,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.userName,
    organizationId: entry.organizationId === undefined ? ctx.actor.organizationId : entry.organizationId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId,
  });
}

const secretKeys = /password|token|secret|hash/i;

/** Secrets never enter the log, whatever a feature passes in. */
function redact(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "string") return toJsonbSafeText(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [toJsonbSafeText(k), secretKeys.test(k) ? "[redacted]" : redact(v)]),
  );
}
