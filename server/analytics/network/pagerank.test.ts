import { describe, expect, it } from 'vitest';
import { pageRank } from './pagerank';
import * as data from './test-support/datasets';
import { python, withNetworkx } from './test-support/guard';

// networkx's reference values are computed in the test, by Debian's python3-networkx, on the same file.
const NETWORKX_EMAIL = `
import json, networkx as nx
G = nx.DiGraph(); G.add_nodes_from(range(1005))
for line in open(${JSON.stringify(`${data.dataRoot()}/email-eu-core/email-Eu-core.txt`)}):
    u, v = line.split(); G.add_edge(int(u), int(v))
pr = nx.pagerank(G, alpha=0.85, tol=1e-6, weight="weight")
print(json.dumps([pr[i] for i in range(1005)]))`;

describe('pagerank', () => {
  it('treats a mutual tie as two arcs and a directed one as one', () => {
    const mutual = pageRank({ nodes: ['a', 'b'], source: [0], target: [1] });
    expect(mutual[0]).toBeCloseTo(0.5, 12);
    const directed = pageRank({ nodes: ['a', 'b'], source: [0], target: [1], directed: [1] });
    expect(directed[1]).toBeGreaterThan(directed[0]!);
    expect(directed[0]! + directed[1]!).toBeCloseTo(1, 12);
  });

  it('weights arcs and spreads dangling rank uniformly, like graphology-metrics', () => {
    const input = { nodes: ['a', 'b', 'c', 'd'], source: [0, 0, 1, 2, 3], target: [1, 2, 2, 0, 3], weight: [3, 1, 1, 1, 2], directed: [1, 1, 1, 1, 1] };
    const typed = pageRank(input);
    const graphology = pageRank(input, { implementation: 'graphology' });
    for (let i = 0; i < 4; i++) expect(typed[i]).toBeCloseTo(graphology[i]!, 14);
  });

  withNetworkx('email-eu-core')('matches networkx on email-Eu-core (directed, self-loops kept) within 1e-6', () => {
    const input = data.emailEuCore();
    const ranks = pageRank(input);
    const reference = python<number[]>(NETWORKX_EMAIL);
    let worst = 0;
    reference.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - ranks[i]!))));
    const viaGraphology = pageRank(input, { implementation: 'graphology' });
    let apart = 0;
    viaGraphology.forEach((value, i) => (apart = Math.max(apart, Math.abs(value - ranks[i]!))));
    console.info(`email-Eu-core PageRank: max |Rapport − networkx| = ${worst.toExponential(2)}, vs graphology-metrics ${apart.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-6);
    expect(apart).toBeLessThan(1e-12);
  });
});
