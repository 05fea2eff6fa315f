import { attachmentDisposition, nameForType, safeFilename } from "./filename";

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
