// One row's value as a part of another statement. A feature that owns a table
// exports such lookups (organizationNameOf, themeTitleOf …) so other features'
// lists read their rows and the names they show in one statement, while the
// table itself stays private to its feature (decision 0029).
import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { QueryBuilder, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

/** Builds subqueries without a database connection: they only ever run inside another statement. */
export const subqueries = new QueryBuilder();

/**
 * `(select column from table where key = value)`: null when no row matches.
 * Give `table` as an alias, so the subquery cannot capture a same-named table of
 * the outer statement.
 */
export function lookup<TColumn extends PgColumn>(
  table: PgTable,
  column: TColumn,
  key: PgColumn,
  value: SQLWrapper,
): SQL<TColumn["_"]["data"] | null> {
  return sql`${subqueries.select({ value: column }).from(table).where(eq(key, value))}`;
}
