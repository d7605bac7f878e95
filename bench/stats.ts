/**
 * Small latency statistics for the benchmark. Percentiles use the nearest-rank method on a sorted
 * copy, so a reported p99 is always a latency that was actually observed rather than an
 * interpolation between two samples — the figure a reader can reproduce from the raw samples.
 */

export interface LatencySummary {
  count: number;
  minMs: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile, `p` in [0, 100]. Accepts unsorted input; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = isSorted(samples) ? samples : [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

function isSorted(samples: readonly number[]): boolean {
  for (let i = 1; i < samples.length; i += 1) {
    if ((samples[i] ?? 0) < (samples[i - 1] ?? 0)) return false;
  }
  return true;
}

export function summarise(samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const count = sorted.length;
  const sum = sorted.reduce((acc, v) => acc + v, 0);
  return {
    count,
    minMs: sorted[0] ?? Number.NaN,
    meanMs: count === 0 ? Number.NaN : sum / count,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[count - 1] ?? Number.NaN,
  };
}

/** Rounds for display without hiding sub-millisecond latencies. */
export function roundMs(ms: number): number {
  return Number.isFinite(ms) ? Math.round(ms * 100) / 100 : ms;
}
