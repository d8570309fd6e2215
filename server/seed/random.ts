/**
 * A small seeded PRNG (mulberry32): the same seed gives the same data on every run and machine.
 * Each table gets its own stream (`seedFor(seed, 'activities')`) so tables stay reproducible
 * whatever order they are generated in.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `length` digits, leading zeros allowed. */
  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String.fromCharCode(48 + this.int(10));
    return text;
  }
}

/** Mixes a label into a base seed (FNV-1a), so every table has its own independent stream. */
export function seedFor(base: number, label: string): number {
  let hash = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Picks from a fixed list with weights; built once, picked millions of times. */
export class WeightedChoice<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low];
  }
}

/** A stream of its own for one entity, so its details never shift the draws of the loop around it. */
export function entityRandom(seed: number, label: string, id: number): Random {
  return new Random(seedFor(seed, label) ^ Math.imul(id, 0x9e3779b1));
}
