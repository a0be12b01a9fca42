import seedrandom from 'seedrandom';

/** A uniform source on [0, 1). */
export type Rng = () => number;

/** One independent stream per stage, so changing one stage never shifts another's draws. */
export function createRng(seed: string, stream: string): Rng {
  return seedrandom.alea(`${seed}/${stream}`);
}

export const chance = (rng: Rng, p: number): boolean => rng() < p;

export const uniform = (rng: Rng, a: number, b: number): number => a + (b - a) * rng();

/** An integer in [a, b]. */
export const int = (rng: Rng, a: number, b: number): number => a + Math.floor(rng() * (b - a + 1));

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

export function normal(rng: Rng): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export const lognormal = (rng: Rng, mu: number, sigma: number): number => Math.exp(mu + sigma * normal(rng));

export const exponential = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng());

/** Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a, 1);
  return x / (x + gamma(rng, b, 1));
}

/** Knuth's method; means here stay small. */
export function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

/** Draws indices in proportion to `weights` by binary search over the cumulative sums. */
export function weightedSampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  let x = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) if ((x -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
