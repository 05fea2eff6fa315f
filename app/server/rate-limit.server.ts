// A small in-process sliding-window limiter for login and public forms.
// Per process: behind a load balancer each node limits on its own, which
// still bounds password guessing to (nodes × limit) per window.
const WINDOW_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 10;
const attempts = new Map<string, number[]>();

const MAX_KEYS = 50_000;

export function allowAttempt(key: string, max = MAX_ATTEMPTS, windowMs = WINDOW_MS, now = Date.now()): boolean {
  const recent = (attempts.get(key) ?? []).filter((t) => now - t < windowMs);
  const allowed = recent.length < max;
  if (allowed) recent.push(now);
  // Re-insert so the Map's order is least-recently-attempted first.
  attempts.delete(key);
  attempts.set(key, recent);
  // Bound memory under a flood by dropping the keys idle longest. A key under
  // attack is always the most recent, so a flood of other keys cannot reset it.
  for (const oldest of attempts.keys()) {
    if (attempts.size <= MAX_KEYS) break;
    attempts.delete(oldest);
  }
  return allowed;
}

export function resetAttempts(key: string) {
  attempts.delete(key);
}
