import { z } from "zod";

export const auditListInput = z.object({
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(200).default(50),
  cursor: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
  action: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
});
export type AuditListInput = z.output<typeof auditListInput>;

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string;
  /** before/after withheld: the caller may not see the object the entry records. */
  redacted: boolean;
}
