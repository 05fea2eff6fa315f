// Theme reads for this and other features' code: the raw row for a command's
// authorisation, titles for other features' lists. No scope and no visibility
// rule, so routes may not import this file (eslint.config.js).
import { eq, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lookup } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import { isUuid } from "~/lib/validation";
import { themes } from "./tables";

/** The row, or null (also for an id that is not a UUID). */
export async function loadTheme(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [theme] = await db.select().from(themes).where(eq(themes.id, id)).limit(1);
  return theme ? { theme } : null;
}

/** Used by commands: the raw row for authorisation. */
export async function themeForUpdate(db: Db, id: string) {
  return (await loadTheme(db, id))?.theme ?? null;
}

const titled = alias(themes, "titled_theme");

/** A theme's title as a column of another feature's query: one statement per list. */
export function themeTitleOf(id: SQLWrapper): SQL<string | null> {
  return lookup(titled, titled.title, titled.id, id);
}
