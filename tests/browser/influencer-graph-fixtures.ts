import type { NetworkData } from '../../widgets/index.js';

const ROLES = ['HUB', 'CONNECTOR', 'PERIPHERAL', 'ULTRA_PERIPHERAL'];
const SEGMENTS = ['champions', 'loyal_customers', 'at_risk', 'hibernating'];

/** Seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A planted-partition network: `n` customers in `k` communities, about `degree` ties each (90 % inside the
 * community), influence growing with degree, and two evolution windows (the second after a merge of 0 and 1).
 */
export function plantedNetwork(n: number, k: number, degree: number, seed = 7): NetworkData {
  const rand = random(seed);
  const community = (i: number) => String(i % k);
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`, externalId: `cust-${i}`, name: `Customer ${i}`, community: community(i),
    role: ROLES[i % ROLES.length]!, segment: SEGMENTS[(i >> 2) % SEGMENTS.length]!, sentiment: ((i % 7) - 3) / 3, influence: 0,
  }));
  const edges: Array<{ source: string; target: string; weight: number }> = [];
  const deg = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < degree / 2; d++) {
      const inside = rand() < 0.9;
      let j = inside ? (Math.floor(rand() * (n / k)) * k + (i % k)) % n : Math.floor(rand() * n);
      if (j === i) j = (i + k) % n;
      edges.push({ source: `n${i}`, target: `n${j}`, weight: 1 });
      deg[i]!++;
      deg[j]!++;
    }
  }
  const max = Math.max(...deg);
  nodes.forEach((node, i) => (node.influence = Math.round((100 * deg[i]!) / max * 10) / 10));
  const influencers = [...nodes].sort((a, b) => b.influence - a.influence).slice(0, 20).map((x) => x.id);
  const communities = Array.from({ length: k }, (_, c) => ({ id: String(c), size: nodes.filter((x) => x.community === String(c)).length, value: 1000 * (c + 1), sentiment: (c % 3) / 3 - 0.2 }));
  const members = (c: number, w: number) => nodes.filter((x, i) => x.community === String(c) && (w === 0 ? i % 2 === 0 : true)).map((x) => x.id);
  const evolution = {
    windows: [{ index: 0, label: '2026-Q1' }, { index: 1, label: '2026-Q2' }],
    tracks: Array.from({ length: k }, (_, c) => ({
      id: `t${c}`,
      snapshots: [
        { window: 0, size: members(c, 0).length, members: members(c, 0) },
        ...(c === 1 ? [] : [{ window: 1, size: members(c, 1).length + (c === 0 ? members(1, 1).length : 0), members: c === 0 ? [...members(0, 1), ...members(1, 1)] : members(c, 1) }]),
      ],
    })),
    events: [
      ...Array.from({ length: k }, (_, c) => ({ type: 'BIRTH', window: 0, from: [], to: [`t${c}`] })),
      { type: 'MERGE', window: 1, from: ['t0', 't1'], to: ['t0'] },
    ],
  };
  return { nodes, edges, communities, influencers, modularity: 0.6, evolution };
}
