import { describe, expect, it } from 'vitest';
import { detectCommunities } from './communities';
import { nmi } from './nmi';
import { modularity } from './partition';
import { prepareNetwork } from './network';
import { plantedPartition } from './planted';
import * as data from './test-support/datasets';
import { withData } from './test-support/guard';

const twoTriangles = { nodes: ['a', 'b', 'c', 'd', 'e', 'f'], source: [0, 1, 2, 3, 4, 5, 2], target: [1, 2, 0, 4, 5, 3, 3] };

describe('communities on hand-made graphs', () => {
  it('splits two triangles joined by a bridge, with the textbook modularity', () => {
    const result = detectCommunities(twoTriangles);
    expect(result.count).toBe(2);
    expect([...result.membership]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.modularity).toBeCloseTo(2 * (6 / 14 - 0.25), 12);
    expect(modularity(prepareNetwork(twoTriangles).csr, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 12);
  });

  it('gives isolated nodes and tie-less graphs their own communities', () => {
    const result = detectCommunities({ nodes: ['x', 'y', 'z'], source: [], target: [] });
    expect(result.count).toBe(3);
    expect(result.modularity).toBe(0);
  });

  it('is deterministic per seed, and bestOf keeps the best run', () => {
    const graph = plantedPartition({ nodes: 2_000, edges: 10_000, groups: 40, mixing: 0.4, seed: 3 });
    const a = detectCommunities(graph, { seed: 7 });
    const b = detectCommunities(graph, { seed: 7 });
    expect([...a.membership]).toEqual([...b.membership]);
    const best = detectCommunities(graph, { seed: 7, bestOf: 4 });
    expect(best.runs).toHaveLength(4);
    expect(best.modularity).toBe(Math.max(...best.runs));
    expect(best.runs[0]).toBe(a.modularity);
  });

  it('finds more, smaller groups at higher resolution', () => {
    const graph = plantedPartition({ nodes: 2_000, edges: 10_000, groups: 40, mixing: 0.2, seed: 5 });
    expect(detectCommunities(graph, { resolution: 4 }).count).toBeGreaterThan(detectCommunities(graph, { resolution: 0.25 }).count);
  });

  it('rejects bad options with a rapport/network error', () => {
    expect(() => detectCommunities(twoTriangles, { resolution: 0 })).toThrow(/^rapport\/network: communities: resolution/);
    expect(() => detectCommunities({ nodes: ['a'], source: [0], target: [3] })).toThrow(/^rapport\/network: tie 0: target 3/);
  });
});

describe('communities on real networks', () => {
  withData('karate')('karate: modularity ≥ 0.415 (both algorithms)', () => {
    const input = data.karate();
    const leiden = detectCommunities(input);
    const louvain = detectCommunities(input, { algorithm: 'louvain' });
    console.info(`karate: Leiden Q=${leiden.modularity.toFixed(4)} (${leiden.count}), Louvain+refinement Q=${louvain.modularity.toFixed(4)}`);
    expect(leiden.modularity).toBeGreaterThanOrEqual(0.415);
    expect(louvain.modularity).toBeGreaterThanOrEqual(0.415);
    expect(modularity(prepareNetwork(input).csr, leiden.membership)).toBeCloseTo(leiden.modularity, 12);
  });

  withData('email-eu-core')('email-Eu-core (undirected): modularity ≥ 0.41, NMI vs the 42 departments ≥ 0.55', () => {
    const input = data.emailEuCoreUndirected();
    expect(prepareNetwork(input).csr.total / 2).toBe(16_064);
    const departments = data.emailDepartments();
    const result = detectCommunities(input);
    const score = nmi(result.membership, departments);
    const seeds = Array.from({ length: 10 }, (_, seed) => detectCommunities(input, { seed }));
    const meanQ = seeds.reduce((s, r) => s + r.modularity, 0) / seeds.length;
    const meanNmi = seeds.reduce((s, r) => s + nmi(r.membership, departments), 0) / seeds.length;
    console.info(
      `email-Eu-core: Q=${result.modularity.toFixed(4)} NMI=${score.toFixed(4)} (${result.count} communities); ` +
        `seeds 0–9: mean Q=${meanQ.toFixed(4)} mean NMI=${meanNmi.toFixed(4)}`,
    );
    expect(result.modularity).toBeGreaterThanOrEqual(0.41);
    expect(score).toBeGreaterThanOrEqual(0.55);
    expect(meanQ).toBeGreaterThanOrEqual(0.41);
  });

  withData('email-eu-core')('email-Eu-core: bestOf 10 with 2 iterations reaches leidenalg (0.416, NOTES.md)', () => {
    const best = detectCommunities(data.emailEuCoreUndirected(), { bestOf: 10, iterations: 2 });
    console.info(`email-Eu-core bestOf 10, 2 iterations: Q=${best.modularity.toFixed(4)} (seed ${best.seed})`);
    expect(best.modularity).toBeGreaterThanOrEqual(0.416);
  });

  withData('ego-facebook')('ego-Facebook: modularity ≥ 0.83', () => {
    const result = detectCommunities(data.egoFacebook());
    console.info(`ego-Facebook: Q=${result.modularity.toFixed(4)} (${result.count} communities)`);
    expect(result.modularity).toBeGreaterThanOrEqual(0.83);
  });
});
