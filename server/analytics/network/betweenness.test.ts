import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness';
import * as data from './test-support/datasets';
import { python, withData, withNetworkx } from './test-support/guard';

describe('betweenness', () => {
  it('is exact on small graphs: a star centre lies on every path, a path graph as counted by hand', () => {
    const star = betweenness({ nodes: ['c', 'a', 'b', 'd', 'e'], source: [0, 0, 0, 0], target: [1, 2, 3, 4] });
    expect(star.mode).toBe('exact');
    expect(star.values[0]).toBeCloseTo(1, 12);
    expect(star.values[1]).toBe(0);
    // path 0-1-2-3: node 1 lies on {0,2},{0,3} → 2 of the (n-1)(n-2)/2 = 3 pairs
    const path = betweenness({ nodes: ['0', '1', '2', '3'], source: [0, 1, 2], target: [1, 2, 3] });
    expect(path.values[1]).toBeCloseTo(2 / 3, 12);
  });

  withNetworkx('karate')('matches networkx exactly on karate', () => {
    const values = betweenness(data.karate()).values;
    const reference = python<number[]>(`
import json, networkx as nx
G = nx.Graph(); G.add_nodes_from(range(34))
for line in open(${JSON.stringify(`${data.dataRoot()}/karate/zachary.txt`)}):
    u, v, w = line.split(); G.add_edge(int(u) - 1, int(v) - 1)
b = nx.betweenness_centrality(G, normalized=True)
print(json.dumps([b[i] for i in range(34)]))`);
    reference.forEach((value, i) => expect(values[i]).toBeCloseTo(value, 12));
  });

  withData('email-eu-core')('samples pivots on request, within its stated error', () => {
    const input = data.emailEuCoreUndirected();
    const exact = betweenness(input);
    expect(exact.mode).toBe('exact');
    const sampled = betweenness(input, { mode: 'sampled', pivots: 200, seed: 1 });
    expect(sampled.mode).toBe('sampled');
    let worst = 0;
    let within = 0;
    for (let v = 0; v < exact.values.length; v++) {
      const error = Math.abs(sampled.values[v]! - exact.values[v]!);
      worst = Math.max(worst, error);
      if (error <= 3 * sampled.standardError[v]! + 1e-12) within++;
    }
    console.info(`email-Eu-core sampled betweenness (k=200): max error ${worst.toExponential(2)}, bound ${sampled.errorBound.toFixed(3)}, ${within}/${exact.values.length} within 3 SE`);
    expect(worst).toBeLessThanOrEqual(sampled.errorBound);
    // What a community manager reads is the ranking: the exact top 10 stay in the sampled top 20.
    const top = (values: Float64Array, k: number) => [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, k);
    const sampledTop = new Set(top(sampled.values, 20));
    expect(top(exact.values, 10).filter((v) => sampledTop.has(v)).length).toBeGreaterThanOrEqual(9);
  });

  withData('ego-facebook')('switches to sampling by size', () => {
    const result = betweenness(data.egoFacebook());
    expect(result.mode).toBe('sampled');
    expect(result.pivots).toBeGreaterThanOrEqual(100);
    expect(result.errorBound).toBeGreaterThan(0);
  });
});
