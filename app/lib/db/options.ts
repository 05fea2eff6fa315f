// Time limits for the PostgreSQL server connection, from the environment (see
// the README's configuration table). They keep a database that is away or
// never answers from holding requests: connect fails after a few seconds, a
// statement after `statementTimeoutMs` (server side) and the client gives up
// shortly after that even if the server never answers at all.

export interface DatabaseTimeouts {
  /** Opening a connection (TCP + authentication), and waiting for a free pooled one. */
  connectTimeoutMs: number;
  /** PostgreSQL's statement_timeout; the client's query timeout is this plus a margin. */
  statementTimeoutMs: number;
  /** At start, how long to keep retrying an unreachable server before giving up. */
  startupWaitMs: number;
}

export const defaultTimeouts: DatabaseTimeouts = { connectTimeoutMs: 5_000, statementTimeoutMs: 25_000, startupWaitMs: 60_000 };

/** The client waits this much longer than statement_timeout, so the server's own 57014 normally arrives first. */
export const CLIENT_TIMEOUT_MARGIN_MS = 2_000;

function milliseconds(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number of milliseconds (0 turns the limit off), not "${value}".`);
  return n;
}

export function databaseTimeoutsFromEnv(env: NodeJS.ProcessEnv): DatabaseTimeouts {
  return {
    connectTimeoutMs: milliseconds(env.RENKEI_DB_CONNECT_TIMEOUT_MS, defaultTimeouts.connectTimeoutMs, "RENKEI_DB_CONNECT_TIMEOUT_MS"),
    statementTimeoutMs: milliseconds(
      env.RENKEI_DB_STATEMENT_TIMEOUT_MS,
      defaultTimeouts.statementTimeoutMs,
      "RENKEI_DB_STATEMENT_TIMEOUT_MS",
    ),
    startupWaitMs: milliseconds(env.RENKEI_DB_STARTUP_WAIT_MS, defaultTimeouts.startupWaitMs, "RENKEI_DB_STARTUP_WAIT_MS"),
  };
}
