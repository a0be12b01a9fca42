import Graph from 'graphology';
import type { GraphEdge, GraphNode } from './types.js';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  community: string | null;
  node: GraphNode;
  forceLabel?: boolean;
}

/** Seeded PRNG (mulberry32): the same data starts the layout from the same place. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nodeSize(influence: number | null | undefined, count: number): number {
  const base = count > 5000 ? 1.5 : count > 1000 ? 2.5 : 3.5;
  return base + base * 3 * Math.sqrt(Math.max(0, Math.min(100, influence ?? 0)) / 100);
}

/**
 * An undirected graph for sigma: each community starts as a disc (area ∝ its size) around its own point of a
 * sunflower spiral, so ForceAtlas2 begins close to its answer even for thousands of nodes. Parallel ties and
 * self-ties are merged or dropped.
 */
export function buildGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], colorOf: (community: string | null) => string): Graph<NodeAttributes> {
  const graph = new Graph<NodeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const sizes = new Map<string, number>();
  for (const n of nodes) sizes.set(n.community ?? '', (sizes.get(n.community ?? '') ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
  const rand = random(nodes.length * 7919 + edges.length);
  const unit = 4;
  const gap = 2.5 * Math.sqrt(nodes.length / Math.max(1, order.length)) * unit;
  const centres = new Map(order.map((c, k) => {
    const r = Math.sqrt(k) * gap;
    const a = k * 2.399963; // golden angle
    return [c, { x: Math.cos(a) * r, y: Math.sin(a) * r, radius: Math.sqrt(sizes.get(c)!) * unit }] as const;
  }));
  for (const n of nodes) {
    if (graph.hasNode(n.id)) continue;
    const c = centres.get(n.community ?? '')!;
    const r = Math.sqrt(rand()) * c.radius;
    const t = rand() * 2 * Math.PI;
    graph.addNode(n.id, {
      x: c.x + Math.cos(t) * r,
      y: c.y + Math.sin(t) * r,
      size: nodeSize(n.influence, nodes.length),
      label: n.name || n.externalId || n.id,
      color: colorOf(n.community ?? null),
      community: n.community ?? null,
      node: n,
    });
  }
  for (const e of edges) addTie(graph, e);
  return graph;
}

export function addTie(graph: Graph, e: GraphEdge): void {
  if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) return;
  if (graph.hasEdge(e.source, e.target)) return;
  graph.addEdge(e.source, e.target, { weight: e.weight ?? 1, size: 0.6 });
}
