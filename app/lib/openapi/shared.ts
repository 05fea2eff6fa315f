// Small answers several endpoints of the OpenAPI document share.
import { z } from "zod";
import { rowId } from "~/lib/api-schemas";
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
