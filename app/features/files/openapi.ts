// How the API takes and gives files, for the OpenAPI operations of the features that keep attachments.
import type { ZodOpenApiContentObject } from "zod-openapi";
import { binary } from "~/lib/openapi/operation";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD } from "./schema";

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
