import { describe, expect, it } from 'vitest';
import { degreeCentrality } from './degree';
import { influence } from './influence';
import { percentileRanks } from './percentile';

// A star around 0 plus a pair 5–6; 6 spends the most, 5 is the most active.
const input = { nodes: ['hub', 'a', 'b', 'c', 'd', 'e', 'f'], source: [0, 0, 0, 0, 5], target: [1, 2, 3, 4, 6], weight: [1, 2, 1, 1, 4] };

describe('percentile ranks', () => {
  it('runs 0–100 with mid-ranks for ties', () => {
    expect([...percentileRanks([3, 1, 2, 2])]).toEqual([100, 0, 50, 50]);
    expect([...percentileRanks([7])]).toEqual([100]);
  });
});

describe('degree and influence', () => {
  it('counts neighbours, strength and direction', () => {
    const d = degreeCentrality({ ...input, directed: [0, 0, 0, 0, 1] });
    expect([...d.degree]).toEqual([4, 1, 1, 1, 1, 1, 1]);
    expect(d.strength[0]).toBe(5);
    expect([d.outStrength[5], d.inStrength[5], d.inStrength[6]]).toEqual([4, 0, 4]);
  });

  it('ranks the hub first on network terms alone, and lets activity and value move others up', () => {
    const plain = influence(input);
    expect(plain.influence[0]).toBe(100);
    expect(Math.max(...plain.influence.subarray(1))).toBeLessThan(100);
    const withValue = influence(input, { activity: [0, 0, 0, 0, 0, 90, 10], monetary: [0, 0, 0, 0, 0, 10, 900] });
    expect(withValue.influence[0]).toBeGreaterThan(withValue.influence[1]!);
    expect(withValue.influence[6]).toBeGreaterThan(plain.influence[6]!);
    expect(withValue.influence[6]).toBeGreaterThan(withValue.influence[1]!);
  });

  it('rejects weights that sum to nothing', () => {
    expect(() => influence(input, {}, { weights: { pageRank: 0, reach: 0, activity: 0, monetary: 0 } })).toThrow(/^rapport\/network: influence/);
  });
});
