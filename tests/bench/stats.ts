export type Summary = { count: number; p50: number; p95: number; max: number };

/** Nearest-rank percentile of samples in ms. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(samples: readonly number[]): Summary {
  const round = (value: number) => Math.round(value * 10) / 10;
  return { count: samples.length, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), max: round(samples.length ? Math.max(...samples) : Number.NaN) };
}

/** Stops a loop at `maxCount` iterations or `maxMs`, whichever comes first, and at the run's deadline. */
export class Budget {
  private readonly started = performance.now();
  private used = 0;

  constructor(private readonly maxCount: number, private readonly maxMs: number, private readonly deadline: number) {}

  next(): boolean {
    const now = performance.now();
    if (this.used >= this.maxCount || now - this.started > this.maxMs || now > this.deadline) return false;
    this.used++;
    return true;
  }
}

/** Deterministic choices for the bench (mulberry32), so two runs ask for the same pages. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
