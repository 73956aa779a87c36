/**
 * A seeded PRNG (mulberry32: 32-bit state, passes the usual statistical batteries well enough for test
 * data) and the draws the generator needs. Every stream of randomness is keyed by what it is for
 * (`seedFor(seed, 'household', h, month)`), so one household's draws do not depend on how many others were
 * generated before it: that is what lets the bulk mode generate households shard by shard.
 */

/** Mixes any number of integers and strings into a 32-bit seed (FNV-1a over the parts, then murmur3's finaliser). */
export function seedFor(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2f, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static for(...parts: (number | string)[]): Random {
    return new Random(seedFor(...parts));
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    return weightedAt(weights, this.next());
  }

  /** `count` distinct items, in draw order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    for (let i = 0; i < Math.min(count, pool.length); i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      chosen.push(pool[i]);
    }
    return chosen;
  }
}

/** The key of `weights` that `u` in [0, 1) falls on, the weights laid end to end. */
export function weightedAt<K extends string>(weights: Readonly<Record<K, number>>, u: number): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = u * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of entries) {
    if ((r -= weight) < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/**
 * The `n`th point of a Weyl sequence from `phase`: spread evenly over [0, 1) as n grows, so shares drawn
 * with it land on their figure far closer than independent draws do (a household's ratings, say).
 */
export function evenlySpread(phase: number, n: number): number {
  return (phase + n * 0.6180339887498949) % 1;
}
