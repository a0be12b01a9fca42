import { describe, expect, it } from 'vitest';
import { prepareNetwork } from './network';
import { nmi } from './nmi';
import { plantedPartition } from './planted';

describe('network views', () => {
  // a–b mutual twice (weights 1 + 2 summed), b→c directed, c→c self-loop, d isolated
  const input = { nodes: ['a', 'b', 'c', 'd'], source: [0, 1, 1, 2], target: [1, 0, 2, 2], weight: [1, 2, 3, 4], directed: [0, 0, 1, 0] };

  it('merges ties in the undirected view and drops self-loops', () => {
    const { csr } = prepareNetwork(input);
    expect([...csr.offsets]).toEqual([0, 1, 3, 4, 4]);
    expect([...csr.neighbors]).toEqual([1, 0, 2, 1]);
    expect([...csr.weights]).toEqual([3, 3, 3, 3]);
    expect(csr.total).toBe(12);
  });

  it('keeps direction and self-loops in the PageRank view', () => {
    const arcs = prepareNetwork(input).arcs();
    const row = (i: number) => [...arcs.neighbors.subarray(arcs.offsets[i], arcs.offsets[i + 1])];
    expect([row(0), row(1), row(2), row(3)]).toEqual([[1], [0, 2], [2], []]);
    expect([...arcs.strength]).toEqual([3, 6, 4, 0]);
  });

  it('builds once per input object', () => {
    expect(prepareNetwork(input)).toBe(prepareNetwork(input));
    expect(prepareNetwork(input).undirected().size).toBe(2);
  });

  it('rejects mismatched columns and bad weights', () => {
    expect(() => prepareNetwork({ nodes: ['a', 'b'], source: [0], target: [1, 0] })).toThrow(/^rapport\/network: target has 2 entries/);
    expect(() => prepareNetwork({ nodes: ['a', 'b'], source: [0], target: [1], weight: [-1] })).toThrow(/weight -1 must be a positive number/);
  });
});

describe('nmi and the planted generator', () => {
  it('is 1 for the same partition renamed, 0 for independent ones', () => {
    expect(nmi([0, 0, 1, 1], [5, 5, 2, 2])).toBeCloseTo(1, 12);
    expect(nmi([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
  });

  it('plants distinct ties, mostly inside groups', () => {
    const g = plantedPartition({ nodes: 1_000, edges: 5_000, groups: 10, mixing: 0.1, seed: 2 });
    const keys = new Set<number>();
    let inside = 0;
    for (let e = 0; e < 5_000; e++) {
      const [s, t] = [g.source[e]!, g.target[e]!];
      keys.add(Math.min(s, t) * 1_000 + Math.max(s, t));
      if (g.groups[s] === g.groups[t]) inside++;
    }
    expect(keys.size).toBe(5_000);
    expect(inside / 5_000).toBeGreaterThan(0.88);
  });
});
