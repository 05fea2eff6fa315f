// Storing and removing a subject's files, inside the owning feature's command
// (its transaction, its audit trail) after it has authorised the caller.
// Routes may not import this file (eslint.config.js): they go through the
// owning feature's commands.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/lib/db/client.server";
import type { TenantScope } from "~/lib/tenancy";
import type { Command } from "~/features/audit/run-command.internal.server";
import { attachments } from "./tables";
import type { CheckedFile } from "./commands.server";

/** Stores checked files for a subject inside the caller's command, each upload audited. */
export async function storeAttachments(
  tx: Tx,
  command: Pick<Command, "record">,
  uploader: Pick<TenantScope, "organizationId" | "userId">,
  subject: { type: string; id: string },
  files: CheckedFile[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const [row] = await tx
      .insert(attachments)
      .values({
        subjectType: subject.type,
        subjectId: subject.id,
        organizationId: uploader.organizationId,
        filename: file.filename,
        contentType: file.contentType,
        size: file.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        data: Buffer.from(file.bytes),
        uploadedBy: uploader.userId,
      })
      .returning({ id: attachments.id });
    ids.push(row!.id);
    await command.record({
      action: "attachment.upload",
      targetType: subject.type,
      targetId: subject.id,
      after: { attachmentId: row!.id, filename: file.filename, size: file.bytes.byteLength, contentType: file.contentType },
    });
  }
  return ids;
}

/** Removes one attachment of a subject (the owning feature has authorised the caller). */
export async function deleteAttachment(
  tx: Tx,
  command: Pick<Command, "record">,
  subject: { type: string; id: string },
  attachmentId: string,
): Promise<boolean> {
  const [row] = await tx
    .delete(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.subjectType, subject.type), eq(attachments.subjectId, subject.id)))
    .returning({ id: attachments.id, filename: attachments.filename });
  if (!row) return false;
  await command.record({
    action: "attachment.delete",
    targetType: subject.type,
    targetId: subject.id,
    before: { attachmentId: row.id, filename: row.filename },
  });
  return true;
}
