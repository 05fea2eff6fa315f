// Multipart uploads on the JSON API: files arrive in the "files" (or
// "attachments") part of a multipart/form-data body.
import { AppError } from "~/lib/errors";
import type { UploadedFile } from "~/features/files/schema";
import { filesFromForm } from "~/features/files/commands.server";
import { readFormData } from "./forms.server";

export async function checkFilesFromRequest(request: Request): Promise<UploadedFile[]> {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("validation", { fieldErrors: [{ path: "files", message: "validation.file.multipart" }] });
  }
  const form = await readFormData(request);
  const files = [...(await filesFromForm(form, "files")), ...(await filesFromForm(form, "attachments"))];
  if (files.length === 0) throw new AppError("validation", { fieldErrors: [{ path: "files", message: "validation.required" }] });
  return files;
}
