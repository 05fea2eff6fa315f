// Latency samples → percentiles (nearest-rank) and mean, in milliseconds.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Runs `warmup` untimed rounds, then `iterations` timed rounds. When a
 * baseline is given it runs right after the app call in every round, so both
 * see the same conditions (caches, GC, background load).
 */
export async function measure(
  iterations: number,
  warmup: number,
  app: (i: number) => Promise<void>,
  baseline?: (i: number) => Promise<void>,
): Promise<{ app: number[]; baseline: number[] | null }> {
  for (let i = 0; i < warmup; i++) {
    await app(i);
    if (baseline) await baseline(i);
  }
  const appSamples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = warmup; i < warmup + iterations; i++) {
    let t0 = performance.now();
    await app(i);
    appSamples.push(performance.now() - t0);
    if (baseline) {
      t0 = performance.now();
      await baseline(i);
      baselineSamples.push(performance.now() - t0);
    }
  }
  return { app: appSamples, baseline: baseline ? baselineSamples : null };
}
