// What may be uploaded: PDF, Office documents and images, checked by content
// (magic bytes), not by the name or the browser's claimed type.
import { z } from "zod";
import { instant, rowId } from "~/lib/api-schemas";

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_UPLOAD = 10;

export const allowedContentTypes: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/x-cfb": "doc/xls/ppt",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

export const acceptAttribute = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.odt,.ods,.odp";

/** A file's metadata as lists and the API show it (the bytes are a separate download). */
export const attachmentView = z
  .object({
    id: rowId(),
    filename: z.string(),
    contentType: z.string().meta({ description: "Checked against the file's content, not its name." }),
    size: z.number().int().meta({ description: "Bytes." }),
    createdAt: instant(),
  })
  .meta({ id: "Attachment" });
export type AttachmentView = z.output<typeof attachmentView>;

export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}
