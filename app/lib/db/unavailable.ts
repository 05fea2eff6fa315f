// The one place that decides whether an error means "the database is away"
// (refused, reset, shut down, timed out) rather than a bug or bad input. Such
// errors become 503 with Retry-After (API problem documents and pages), never 500.

/** Socket errors of the driver: the server is not there or went away. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ECONNABORTED",
]);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01–57P05 (shut down, crash,
 * cannot connect now, idle session timeout), 57014 (statement timeout or
 * cancel), 53300 (too many connections).
 */
function unavailableSqlState(code: string): boolean {
  return code.startsWith("08") || /^57P0[1-5]$/.test(code) || code === "57014" || code === "53300";
}

/** node-postgres and pg-pool report these without a code. */
const DRIVER_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed and is not queryable|terminating connection due to)/;

/** Walks `cause` chains (Drizzle wraps driver errors) and AggregateErrors (one per address tried). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 8) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && unavailableSqlState(code)))) return true;
  if (typeof message === "string" && DRIVER_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Short reason of a connection failure, e.g. "ECONNREFUSED …" or "28P01 password authentication failed …", from the innermost cause. */
export function reasonOf(error: unknown): string {
  let current = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; depth < 8 && current && typeof current === "object"; depth++) {
    const inner = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
    if (!inner || typeof inner !== "object") break;
    current = inner as typeof current;
  }
  const text = [current?.code, current?.message].filter((part) => typeof part === "string" && part).join(" ");
  return text || String(error);
}
