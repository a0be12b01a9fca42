/**
 * Seeded randomness for reproducible engines: seedrandom's Alea generator (fast, well tested), plus a Fisher–Yates
 * visiting order. The same seed always gives the same communities.
 */
import seedrandom from 'seedrandom';

export type Rng = () => number;

export function createRng(seed: number | string): Rng {
  return seedrandom.alea(`rapport/network:${seed}`);
}

/** 0…n-1 in a random order. */
export function randomOrder(n: number, rng: Rng): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
