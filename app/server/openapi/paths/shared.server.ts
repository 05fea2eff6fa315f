// Small answers several endpoints share.
import { z } from "zod";
import type { ZodOpenApiContentObject } from "zod-openapi";
import { rowId } from "~/lib/api-schemas";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD } from "~/features/files/schema";
import { binary } from "../operation.server";

/** What a POST that creates something answers when it does not return the whole thing. */
export const createdId = z.object({ id: rowId() }).meta({ id: "Created" });

/** Where the created thing can be read. */
export const locationHeader = z.object({ location: z.string().meta({ description: "The path of what was created." }) });

/** A PATCH body: only the fields to change, merged onto the current values and then checked as a whole. */
export const patchOf = (input: z.ZodObject) =>
  z
    .object(input.shape)
    .partial()
    .meta({ description: "Only the fields to change: they are merged onto the current values, and the result is checked as a whole." });

/** Files attached with multipart/form-data ("files", or "attachments"). */
export const filesUpload: ZodOpenApiContentObject = {
  "multipart/form-data": {
    schema: {
      type: "object",
      properties: {
        files: {
          type: "array",
          items: binary,
          description: `PDF, Office documents or images (checked by content), at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB each and ${MAX_ATTACHMENTS_PER_UPLOAD} at once.`,
        },
      },
      required: ["files"],
    },
  },
};

/** A stored file, answered with its own content type. */
export const fileDownload: ZodOpenApiContentObject = { "*/*": { schema: binary } };
