import { fileTypeFromBuffer } from "file-type";
import { fieldError, validationError, type FieldError } from "~/lib/errors";
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
