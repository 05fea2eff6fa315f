// Rate limits for signing in (login page and POST /api/v1/tokens), password
// reset requests and sign-up, kept in the database (table rate_limits) so
// every app process shares the counters and a restart does not reset them.
// See docs/decisions/0016-rate-limits.md for the policy.
import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "~/lib/errors";
import type { Database } from "~/lib/db/client.server";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** The limits (exported for the tests and the decision record). */
export const limits = {
  /** Wrong passwords for one account from one address: that pair is slowed, the account elsewhere is not. */
  accountAtAddress: { points: 10, duration: 10 * MINUTE, blockDuration: 10 * MINUTE },
  /** Wrong passwords from one address across all accounts (password spraying). */
  address: { points: 30, duration: HOUR, blockDuration: HOUR },
  /** Password reset mails to one account (mail bombing) and requests from one address. */
  resetAccount: { points: 5, duration: HOUR, blockDuration: 0 },
  resetAddress: { points: 20, duration: HOUR, blockDuration: 0 },
  /** Sign-ups from one address. */
  signupAddress: { points: 20, duration: HOUR, blockDuration: 0 },
} as const;

type LimitName = keyof typeof limits;
type Limiters = Record<LimitName, RateLimiterPostgres>;

const TABLE = "rate_limits";

/**
 * PGlite answers `query(text, values)`; the limiter calls `query({text, values})`
 * and reads `rowCount` like node-postgres.
 */
function pgliteStore(pglite: PGlite) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await pglite.query(q.text, q.values);
      return { rows: result.rows, rowCount: result.affectedRows || result.rows.length };
    },
  };
}

function createLimiters(database: Database): Limiters {
  // The table comes from a migration (0014): no DDL at run time.
  const store = database.pglite
    ? { storeClient: pgliteStore(database.pglite), storeType: "client" }
    : // drizzle keeps node-postgres' pg.Pool as $client (not in the Db type).
      { storeClient: (database.db as unknown as { $client: unknown }).$client, storeType: "pool" };
  const entries = Object.entries(limits).map(([name, limit], i) => [
    name,
    new RateLimiterPostgres({
      ...store,
      ...limit,
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: name,
      // One limiter sweeps expired rows for all (they share the table).
      clearExpiredByTimeout: i === 0,
    }),
  ]);
  return Object.fromEntries(entries) as Limiters;
}

const byDatabase = new WeakMap<Database, Limiters>();

function limitersOf(database: Database): Limiters {
  let found = byDatabase.get(database);
  if (!found) {
    found = createLimiters(database);
    byDatabase.set(database, found);
  }
  return found;
}

/** Emails compare case-insensitively; very long keys are hashed to fit the key column. */
function accountKey(email: string): string {
  const normal = email.normalize("NFKC").trim().toLowerCase();
  return normal.length > 150 ? `sha256:${createHash("sha256").update(normal).digest("hex")}` : normal;
}

/**
 * The address a limit is keyed on: IPv4-mapped IPv6 as plain IPv4, and IPv6 by
 * its /64 (one subscriber usually holds a whole /64, so single addresses are free to rotate).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.padStart(4, "0"))
    .join(":")}::/64`;
}

function rateLimited(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError("rate_limited", {
    message: "error.rateLimited.wait",
    params: { minutes: Math.ceil(seconds / 60) },
    retryAfter: seconds,
  });
}

/** Consumes one point; a spent limit becomes a rate_limited AppError with the wait. */
async function take(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext);
    throw error;
  }
}

/** Refuses early when the address is blocked for wrong passwords (it cannot move on to resets or sign-ups). */
async function refuseBlockedAddress(limiters: Limiters, address: string): Promise<void> {
  const state = await limiters.address.get(address);
  if (state && state.consumedPoints > limits.address.points) throw rateLimited(state.msBeforeNext);
}

export interface SignInAttempt {
  /** The password was right: the attempt is not counted. */
  succeeded(): Promise<void>;
}

/**
 * Call before checking a password. The attempt is counted first (so parallel
 * guesses cannot slip past the limit) and refunded when it succeeds: only
 * failures remain. Throws rate_limited (with the wait) when the account at
 * this address, or the address itself, has failed too often.
 */
export async function beginSignIn(database: Database, who: { email: string; address: string }): Promise<SignInAttempt> {
  const limiters = limitersOf(database);
  const address = addressKey(who.address);
  const pair = `${accountKey(who.email)}|${address}`;
  await take(limiters.accountAtAddress, pair);
  try {
    await take(limiters.address, address);
  } catch (error) {
    await limiters.accountAtAddress.reward(pair);
    throw error;
  }
  return {
    async succeeded() {
      await Promise.all([limiters.accountAtAddress.delete(pair), limiters.address.reward(address)]);
    },
  };
}

/** Every password reset request counts, per account and per address. */
export async function limitPasswordReset(database: Database, who: { email: string; address: string }): Promise<void> {
  const limiters = limitersOf(database);
  const address = addressKey(who.address);
  await refuseBlockedAddress(limiters, address);
  await take(limiters.resetAddress, address);
  await take(limiters.resetAccount, accountKey(who.email));
}

/** Every sign-up counts per address. */
export async function limitSignUp(database: Database, who: { address: string }): Promise<void> {
  const limiters = limitersOf(database);
  const address = addressKey(who.address);
  await refuseBlockedAddress(limiters, address);
  await take(limiters.signupAddress, address);
}
