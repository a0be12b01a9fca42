import { describe, expect, it } from 'vitest';
import { recencyWeights } from './recency';

describe('recency weights', () => {
  it('halves a tie per half-life, keeps a floor and counts repeats', () => {
    const day = 86_400_000;
    const now = Date.UTC(2026, 10, 1);
    const w = recencyWeights([4, 1, 1], [now, now - 90 * day, now - 9000 * day]);
    expect(w[0]).toBe(4);
    expect(w[1]).toBeCloseTo(0.5, 12);
    expect(w[2]).toBe(0.01);
    expect(recencyWeights(undefined, [now - 30 * day], { asOf: now, halfLifeDays: 30 })[0]).toBeCloseTo(0.5, 12);
  });
});
