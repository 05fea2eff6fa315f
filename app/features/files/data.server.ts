import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { attachments } from "./tables";
import type { AttachmentView } from "./schema";
import { attachmentDisposition, nameForType, safeFilename } from "./filename";

const listColumns = {
  id: attachments.id,
  subjectId: attachments.subjectId,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  createdAt: attachments.createdAt,
};

/** Metadata of a subject's files. Callers must have checked the subject's visibility. */
export async function listAttachments(db: Db, subjectType: string, subjectIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const out = new Map<string, AttachmentView[]>();
  if (subjectIds.length === 0) return out;
  const rows = await db
    .select(listColumns)
    .from(attachments)
    .where(and(eq(attachments.subjectType, subjectType), inArray(attachments.subjectId, subjectIds)))
    .orderBy(asc(attachments.createdAt));
  for (const r of rows) {
    const list = out.get(r.subjectId) ?? [];
    list.push({ id: r.id, filename: nameForType(safeFilename(r.filename), r.contentType), contentType: r.contentType, size: r.size, createdAt: r.createdAt.toISOString() });
    out.set(r.subjectId, list);
  }
  return out;
}

/** One file with its bytes, only if it belongs to the given subject. */
export async function readAttachment(db: Db, subjectType: string, subjectId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.subjectType, subjectType), eq(attachments.subjectId, subjectId)))
    .limit(1);
  return row ?? null;
}

/**
 * A download response: always an attachment, never rendered inline as HTML,
 * named by the detected type (also for files stored before names were fixed at upload).
 */
export function attachmentResponse(file: { filename: string; contentType: string; data: Buffer; sha256: string }): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.data.byteLength),
      "content-disposition": attachmentDisposition(nameForType(safeFilename(file.filename), file.contentType)),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: `"${file.sha256}"`,
    },
  });
}
