// Admission in front of the embedded database. PGlite has one connection: fifty
// requests at once interleave their statements and all finish late (p99 of
// 7–9 s at 50 connections, issue 19). Here a few requests run at a time, the
// rest wait their turn in order, and past a bounded queue a request is told
// at once to come back (503 with Retry-After) instead of timing out.
// PostgreSQL has a pool and needs none unless RENKEI_REQUEST_CONCURRENCY asks.
import pLimit, { type LimitFunction } from "p-limit";

export interface AdmissionLimits {
  /** Requests served at once. */
  concurrency: number;
  /** Requests that may wait; one more is refused. */
  queue: number;
  /** A request whose turn comes after waiting this long is refused then (it would answer too late to be of use). */
  maxWaitMs: number;
}

/** Seconds a refused caller is asked to wait. */
export const ADMISSION_RETRY_AFTER_SECONDS = 2;

export class AdmissionRefused extends Error {
  constructor() {
    super("too many requests waiting");
    this.name = "AdmissionRefused";
  }
}

export interface Admission {
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createAdmission(limits: AdmissionLimits): Admission {
  const limit: LimitFunction = pLimit(limits.concurrency);
  return {
    run(work) {
      // Refused only if it would have to wait and the waiting line is full.
      if (limit.activeCount + limit.pendingCount >= limits.concurrency + limits.queue) return Promise.reject(new AdmissionRefused());
      const queuedAt = performance.now();
      return limit(() => (performance.now() - queuedAt > limits.maxWaitMs ? Promise.reject(new AdmissionRefused()) : work()));
    },
    get active() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
  };
}

/**
 * From the environment: RENKEI_REQUEST_CONCURRENCY (0: no limit),
 * RENKEI_REQUEST_QUEUE and RENKEI_REQUEST_MAX_WAIT_MS; the embedded database
 * defaults to 4 at once, 100 waiting, 1.5 s of waiting at most.
 */
export function admissionLimitsFromEnv(env: NodeJS.ProcessEnv, embedded: boolean): AdmissionLimits | null {
  const concurrency = wholeNumber(env.RENKEI_REQUEST_CONCURRENCY) ?? (embedded ? 4 : 0);
  if (concurrency === 0) return null;
  return {
    concurrency,
    queue: wholeNumber(env.RENKEI_REQUEST_QUEUE) ?? 100,
    maxWaitMs: wholeNumber(env.RENKEI_REQUEST_MAX_WAIT_MS) ?? 1500,
  };
}

function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
