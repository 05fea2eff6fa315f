import { z } from "zod";
import { instant, rowId } from "~/lib/api-schemas";

export const auditListInput = z.object({
  limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(200).default(50),
  cursor: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
  action: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
});
export type AuditListInput = z.output<typeof auditListInput>;

export const auditEntry = z
  .object({
    id: rowId(),
    occurredAt: instant(),
    actorUserId: rowId().nullable(),
    actorName: z.string().nullable(),
    organizationId: rowId().nullable(),
    action: z.string().meta({ example: "proposal.submit" }),
    targetType: z.string(),
    targetId: z.string().nullable(),
    before: z.unknown().meta({ description: "The changed fields before (null when redacted)." }),
    after: z.unknown().meta({ description: "The changed fields after (null when redacted)." }),
    requestId: z.string(),
    redacted: z.boolean().meta({ description: "before/after withheld: the caller may not see the object the entry records." }),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.output<typeof auditEntry>;
