import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Tx } from "~/lib/db/client.server";
import { fieldError, validationError, type FieldError } from "~/lib/errors";
import type { TenantScope } from "~/lib/tenancy";
import type { Command } from "~/features/audit/run-command.internal.server";
import { attachments } from "./tables";
import { nameForType, safeFilename } from "./filename";
import { allowedContentTypes, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD, type UploadedFile } from "./schema";

export interface CheckedFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Reads the File parts of a multipart form (empty file inputs are ignored). */
export async function filesFromForm(form: FormData, field = "attachments"): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  for (const value of form.getAll(field)) {
    if (typeof value === "string" || value.size === 0) continue;
    out.push({ filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return out;
}

export { safeFilename };

/** Size and content-type checks for every file; all problems are reported at once. */
export async function checkFiles(files: UploadedFile[], path = "attachments"): Promise<CheckedFile[]> {
  if (files.length > MAX_ATTACHMENTS_PER_UPLOAD) throw fieldError(path, "validation.file.tooMany", { max: MAX_ATTACHMENTS_PER_UPLOAD });
  const problems: FieldError[] = [];
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const filename = safeFilename(file.filename);
    if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      problems.push({ path, message: "validation.file.tooLarge", params: { name: filename, max: MAX_ATTACHMENT_BYTES / 1024 / 1024 } });
      continue;
    }
    const detected = await fileTypeFromBuffer(file.bytes);
    if (!detected || !(detected.mime in allowedContentTypes)) {
      problems.push({ path, message: "validation.file.type", params: { name: filename } });
      continue;
    }
    // Stored under the detected type's extension: a PDF named evil.html is kept as evil.pdf.
    checked.push({ filename: nameForType(filename, detected.mime), contentType: detected.mime, bytes: file.bytes });
  }
  if (problems.length) throw validationError(problems);
  return checked;
}

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
export async function deleteAttachment(tx: Tx, command: Pick<Command, "record">, subject: { type: string; id: string }, attachmentId: string): Promise<boolean> {
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
