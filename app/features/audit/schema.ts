import { z } from "zod";
import { instant, rowId } from "~/lib/api-schemas";
import { isoDate, optional, whenValid } from "~/lib/validation";

/** What the log is narrowed to: an action, a person, Tokyo calendar days from and to (inclusive). */
const auditFilterShape = {
  action: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
  actor: optional(z.uuid({ error: "validation.invalidChoice" })),
  from: optional(isoDate()),
  to: optional(isoDate()),
};
const daysInOrder = (v: { from?: unknown; to?: unknown }) => typeof v.from !== "string" || typeof v.to !== "string" || v.from <= v.to;
const daysOrderIssue = { path: ["to"], error: "validation.periodOrder" as const, when: whenValid("from", "to") };

export const auditFilterInput = z.object(auditFilterShape).refine(daysInOrder, daysOrderIssue);
export type AuditFilter = z.output<typeof auditFilterInput>;

export const auditListInput = z
  .object({
    ...auditFilterShape,
    limit: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(200).default(50),
    cursor: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
  })
  .refine(daysInOrder, daysOrderIssue);
export type AuditListInput = z.output<typeof auditListInput>;

/** The most entries one export holds: a desk narrows by dates beyond that. */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** The CSV export: the list's filters, and the encoding Excel on Japanese Windows reads. */
export const auditExportInput = z
  .object({
    ...auditFilterShape,
    encoding: z.preprocess((v) => (v === "" || v === undefined ? "utf-8" : v === "sjis" ? "shift_jis" : v), z.enum(["utf-8", "shift_jis"])),
  })
  .refine(daysInOrder, daysOrderIssue);

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
    targetName: z
      .string()
      .nullable()
      .meta({ description: "The title or name of what the entry records (null when redacted, or when it no longer exists)." }),
    before: z.unknown().meta({ description: "The changed fields before (null when redacted)." }),
    after: z.unknown().meta({ description: "The changed fields after (null when redacted)." }),
    requestId: z.string(),
    redacted: z.boolean().meta({ description: "before/after withheld: the caller may not see the object the entry records." }),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.output<typeof auditEntry>;
