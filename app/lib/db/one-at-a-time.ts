// Reads that may run inside a transaction go one after another: a transaction
// is one connection, and node-postgres only queues concurrent queries on one
// client with a deprecation warning (pg 9 will refuse them). Outside a
// transaction, Promise.all over the pool is still the faster choice.
export async function oneAtATime<T extends readonly unknown[]>(reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const read of reads as readonly (() => Promise<unknown>)[]) results.push(await read());
  return results as unknown as T;
}
