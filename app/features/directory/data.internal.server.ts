// Directory reads for other features' code only (name lookups, existence
// checks): they take a raw Db or a transaction and no scope, so routes may not
// import this file (eslint.config.js); routes read the directory through
// data.server.ts with a PublicContext.
import { eq, inArray, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { lookup } from "~/lib/db/lookup";
import type { Db } from "~/lib/db/client.server";
import { localGovernments } from "./tables";

export async function localGovernmentExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: localGovernments.code }).from(localGovernments).where(eq(localGovernments.code, code)).limit(1);
  return Boolean(row);
}

/** Names of local governments by code (for lists that show where something is). */
export async function localGovernmentNames(db: Db, codes: string[]): Promise<Map<string, { name: string; fullName: string }>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: localGovernments.code, name: localGovernments.name, fullName: localGovernments.fullName })
    .from(localGovernments)
    .where(inArray(localGovernments.code, unique));
  return new Map(rows.map((r) => [r.code, { name: r.name, fullName: r.fullName }]));
}

const named = alias(localGovernments, "named_local_government");

/** A local government's full name ("石川県小松市") as a column of another feature's query: one statement per list. */
export function localGovernmentFullNameOf(code: SQLWrapper): SQL<string | null> {
  return lookup(named, named.fullName, named.code, code);
}
