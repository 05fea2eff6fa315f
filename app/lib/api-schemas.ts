// Building blocks of the views the JSON API answers with. Each feature's
// schema.ts describes its views with these and infers the view types from
// them, so what a data function returns and what the OpenAPI document
// (server/openapi) promises are one definition.
import { z } from "zod";

/** An instant as the API writes it: ISO 8601 in UTC, as `Date.toISOString()` gives it. */
export const instant = () => z.iso.datetime();

/** A calendar day ("2026-12-05"), as PostgreSQL `date` columns give it. */
export const calendarDay = () => z.iso.date();

/** The id of a stored thing (theme, proposal, organisation …). */
export const rowId = () => z.uuid();

/**
 * A list as the API answers it: the items, how many there are, and the
 * cursor of the next page (null on the last page, and for lists that are
 * never paged).
 */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().meta({
      description:
        "How many match in all where the list is paged by a count (municipalities, organizations, themes, proposals, agreements); else the number of items here.",
    }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  });

/** Whether a schema describes an answer (the views register an OpenAPI id with `.meta`) rather than an input. */
export const isView = (schema: z.ZodType) => Boolean(z.globalRegistry.get(schema)?.id);
