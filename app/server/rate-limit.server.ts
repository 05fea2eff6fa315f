// A small in-process sliding-window limiter for login and public forms.
// Per process: behind a load balancer each node limits on its own, which
// still bounds password guessing to (nodes × limit) per window.
const WINDOW_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 10;
const attempts = new Map<string, number[]>();

export function allowAttempt(key: string, max = MAX_ATTEMPTS, windowMs = WINDOW_MS, now = Date.now()): boolean {
  const recent = (attempts.get(key) ?? []).filter((t) => now - t < windowMs);
  if (recent.length >= max) {
    attempts.set(key, recent);
    return false;
  }
  recent.push(now);
  attempts.set(key, recent);
  if (attempts.size > 50_000) attempts.clear(); // bound memory under a flood
  return true;
}

export function resetAttempts(key: string) {
  attempts.delete(key);
}
