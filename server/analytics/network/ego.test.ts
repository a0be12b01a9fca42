import { describe, expect, it } from 'vitest';
import { egoNetwork } from './ego';

// 0 is the ego; 1 (weight 5), 2 (weight 1), 3 (weight 3) its alters; 4 and 5 two hops away; 6 three hops.
const input = {
  nodes: ['ego', 'a', 'b', 'c', 'd', 'e', 'f'],
  source: [0, 0, 0, 1, 1, 2, 3, 5],
  target: [1, 2, 3, 2, 4, 5, 5, 6],
  weight: [5, 1, 3, 2, 1, 1, 4, 1],
};

describe('ego networks', () => {
  it('radius 1: alters by tie weight, and the ties among them', () => {
    const ego = egoNetwork(input, 'ego');
    expect(ego.nodes.map((n) => n.id)).toEqual(['ego', 'a', 'c', 'b']);
    expect(ego.edges).toEqual([
      { source: 0, target: 1, weight: 5 },
      { source: 0, target: 2, weight: 1 },
      { source: 0, target: 3, weight: 3 },
      { source: 1, target: 2, weight: 2 },
    ]);
    expect(ego.truncated).toBe(false);
  });

  it('radius 2: the second ring after the first, by tie weight to the first ring', () => {
    const ego = egoNetwork(input, 0, { radius: 2 });
    expect(ego.nodes.map((n) => [n.id, n.distance])).toEqual([['ego', 0], ['a', 1], ['c', 1], ['b', 1], ['e', 2], ['d', 2]]);
    expect(ego.nodes.find((n) => n.id === 'e')!.tieWeight).toBe(5);
    expect(ego.nodes.some((n) => n.id === 'f')).toBe(false);
  });

  it('caps the display, keeping the strongest ties', () => {
    const ego = egoNetwork(input, 0, { radius: 2, limit: 3 });
    expect(ego.nodes.map((n) => n.id)).toEqual(['ego', 'a', 'c']);
    expect(ego.totalAlters).toBe(5);
    expect(ego.truncated).toBe(true);
    expect(ego.edges.every((e) => e.source !== 2 && e.target !== 2)).toBe(true);
  });

  it('rejects unknown customers and radii', () => {
    expect(() => egoNetwork(input, 'nobody')).toThrow(/^rapport\/network: ego: unknown node nobody/);
    expect(() => egoNetwork(input, 0, { radius: 3 })).toThrow(/radius must be 1 or 2/);
  });
});
