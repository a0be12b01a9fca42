import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';
import { generateDemoWithTruth } from './index.js';

const { data, truth } = generateDemoWithTruth();
const { relationships } = data;
const DAY = 86_400_000;

/** Undirected simple graph of the ties, optionally only those alive on a day. */
function tieGraph(aliveOn?: number): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (const r of relationships) {
    if (aliveOn !== undefined && (r.firstSeen!.getTime() > aliveOn || r.lastSeen!.getTime() < aliveOn)) continue;
    graph.mergeEdge(r.sourceExternalId, r.targetExternalId);
  }
  return graph;
}

/** Normalised mutual information, 2·I(X;Y) / (H(X) + H(Y)). */
function nmi(x: readonly (string | number)[], y: readonly (string | number)[]): number {
  const n = x.length;
  const count = (keys: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const cx = count(x.map(String));
  const cy = count(y.map(String));
  const cxy = count(x.map((v, k) => `${v}|${y[k]}`));
  const entropy = (c: Map<string, number>) => -[...c.values()].reduce((s, v) => s + (v / n) * Math.log(v / n), 0);
  let mutual = 0;
  for (const [key, v] of cxy) {
    const [a, b] = key.split('|') as [string, string];
    mutual += (v / n) * Math.log((v * n) / (cx.get(a)! * cy.get(b)!));
  }
  return (2 * mutual) / (entropy(cx) + entropy(cy));
}

describe('demo social graph', () => {
  const graph = tieGraph();
  const detected = louvain.detailed(graph, { rng: createRng('louvain', 'test') });

  it('has strong, recoverable communities', () => {
    expect(detected.modularity).toBeGreaterThan(0.4);
    const nodes = graph.nodes().filter((id) => id in truth.community);
    expect(nodes.length / graph.order).toBeGreaterThan(0.95);
    const score = nmi(
      nodes.map((id) => truth.community[id]!),
      nodes.map((id) => detected.communities[id]!),
    );
    expect(score).toBeGreaterThan(0.7);
  });

  it('plants 8–12 communities of varying size', () => {
    const sizes = new Map<number, number>();
    for (const c of Object.values(truth.community)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(sizes.size).toBeGreaterThanOrEqual(8);
    expect(sizes.size).toBeLessThanOrEqual(12);
    const sorted = [...sizes.values()].sort((a, b) => a - b);
    expect(sorted.at(-1)! / sorted[0]!).toBeGreaterThan(4);
  });

  it('has hubs, some of them bridging communities', () => {
    const degrees = graph.nodes().map((id) => graph.degree(id)).sort((a, b) => a - b);
    const median = degrees[degrees.length >> 1]!;
    for (const hub of truth.hubs) expect(graph.degree(hub)).toBeGreaterThan(4 * median);
    const foreignShare = (hub: string) => {
      const own = truth.community[hub];
      const neighbours = graph.neighbors(hub);
      return neighbours.filter((v) => truth.community[v] !== own).length / neighbours.length;
    };
    const bridges = truth.hubs.slice(0, truth.bridges);
    for (const hub of bridges) expect(foreignShare(hub)).toBeGreaterThan(0.25);
  });

  it('uses every kind of tie', () => {
    const kinds = new Set(relationships.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['colleague', 'follows', 'mentions', 'referral', 'replies']);
  });

  it('evolves: one community forms late, one shrinks, one splits', () => {
    const end = Date.UTC(2026, 10, 1);
    const early = end - 300 * DAY;
    const late = end - 20 * DAY;
    const membersAlive = (community: number, day: number) => {
      const g = tieGraph(day);
      return g.nodes().filter((id) => truth.community[id] === community && g.degree(id) > 0).length;
    };
    expect(membersAlive(truth.forming, early)).toBe(0);
    expect(membersAlive(truth.forming, late)).toBeGreaterThan(20);
    const days = [300, 250, 200, 150, 100, 50, 20];
    const shrinking = days.map((before) => membersAlive(truth.shrinking, end - before * DAY));
    expect(shrinking.at(-1)!).toBeLessThan(0.5 * Math.max(...shrinking));

    const across = relationships.filter((r) => {
      const [a, b] = [truth.community[r.sourceExternalId], truth.community[r.targetExternalId]];
      return (a === truth.splitting && b === truth.splitInto) || (a === truth.splitInto && b === truth.splitting);
    });
    const lastAcross = Math.max(...across.map((r) => r.lastSeen!.getTime()));
    expect(across.length).toBeGreaterThan(100);
    expect(across.filter((r) => r.lastSeen!.getTime() > end - 120 * DAY).length).toBeLessThan(0.05 * across.length);
    expect(lastAcross).toBeLessThan(end);
  });
});
