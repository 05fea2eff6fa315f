// Fast bulk inserts that work the same on PGlite and node-postgres: each
// column travels as ONE text parameter holding a PostgreSQL array literal,
// and the statement is INSERT … SELECT FROM unnest(…). A batch of thousands
// of rows is one round trip with a handful of parameters (multi-row VALUES
// would need one parameter per cell and hit the 65,535 limit).
import type { Database } from "~/lib/db/client.server";

export type CellValue = string | number | boolean | Date | null | readonly string[];

export interface BulkColumn {
  name: string;
  /** PostgreSQL type of the column, e.g. "uuid", "text", "timestamptz", "text[]". */
  type: string;
}

const quote = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function cell(value: CellValue): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value instanceof Date) return quote(value.toISOString());
  // A nested text[] value: its own array literal, carried as one text element.
  return quote(`{${(value as readonly string[]).map(quote).join(",")}}`);
}

/** A one-dimensional PostgreSQL array literal. */
export function arrayLiteral(values: readonly CellValue[]): string {
  return `{${values.map(cell).join(",")}}`;
}

/**
 * Inserts rows (arrays in the order of `columns`) in batches. Returns the
 * number of rows inserted.
 */
export async function bulkInsert(
  database: Database,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly CellValue[])[],
  batchSize = 5000,
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const unnestArgs = columns.map((c, i) => `$${i + 1}::text::${c.type.endsWith("[]") ? "text" : c.type}[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => (c.type.endsWith("[]") ? `x.${aliases[i]}::${c.type}` : `x.${aliases[i]}`)).join(", ");
  const text = `insert into "${table}" (${names}) select ${select} from unnest(${unnestArgs}) as x(${aliases.join(", ")})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params = columns.map((_, i) => arrayLiteral(batch.map((row) => row[i] ?? null)));
    await database.executeSql(text, params);
  }
  return rows.length;
}

/** Row count of a table (exact). */
export async function countRows(database: Database, table: string): Promise<number> {
  const { rows } = await database.executeSql(`select count(*)::int as n from "${table}"`, []);
  return (rows[0] as { n: number }).n;
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped, then builds
 * them again from their own definitions (pg_get_indexdef): one sorted build
 * is much faster than millions of single inserts, above all for GIN trigram
 * indexes. Indexes behind constraints (primary keys, unique) stay.
 */
export async function withIndexesDeferred<T>(database: Database, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const { rows } = await database.executeSql(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relname = any($1::text[]) and t.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [arrayLiteral([...tables])],
  );
  const indexes = rows as { name: string; definition: string }[];
  for (const index of indexes) await database.executeSql(`drop index ${index.name}`, []);
  const result = await load();
  for (const index of indexes) await database.executeSql(index.definition, []);
  return result;
}
