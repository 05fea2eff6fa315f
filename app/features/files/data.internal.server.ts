// Attachments are read for their subject (a theme, a proposal, a message),
// whose owning feature has checked that the caller may see it: raw reads, for
// that feature's code only. Routes may not import this file
// (eslint.config.js); they get files through the owning feature.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "~/lib/db/client.server";
import { attachments } from "./tables";
import type { AttachmentView } from "./schema";
import { nameForType, safeFilename } from "./filename";

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
    list.push({
      id: r.id,
      filename: nameForType(safeFilename(r.filename), r.contentType),
      contentType: r.contentType,
      size: r.size,
      createdAt: r.createdAt.toISOString(),
    });
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
