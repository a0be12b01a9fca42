/**
 * A validated input with its graph views, built once and shared by every engine called on the same input object
 * (memoised in a WeakMap, so a tenant's cached input is never rebuilt and a dropped one is collected).
 */
import Graph, { DirectedGraph, UndirectedGraph } from 'graphology';
import { directedCsr, undirectedCsr, type Csr } from './csr';
import { at, validateInput, type NetworkInput } from './input';

export interface Network {
  readonly input: NetworkInput;
  readonly n: number;
  /** Undirected, merged, loop-free ties (communities, roles, ego networks, betweenness). */
  readonly csr: Csr;
  /** Out-arcs of the directed view (PageRank), built on first use. */
  readonly arcs: () => Csr;
  /** graphology view of `csr`, node keys = node ids, edge attribute `weight`. */
  readonly undirected: () => UndirectedGraph;
  /** graphology view for PageRank: directed ties one way, mutual ties both ways, self-loops kept, weights summed. */
  readonly directed: () => DirectedGraph;
}

const cache = new WeakMap<NetworkInput, Network>();

export function prepareNetwork(input: NetworkInput): Network {
  let network = cache.get(input);
  if (network === undefined) {
    validateInput(input);
    const csr = undirectedCsr(input);
    let undirected: UndirectedGraph | undefined;
    let directed: DirectedGraph | undefined;
    let arcs: Csr | undefined;
    network = {
      input,
      n: input.nodes.length,
      csr,
      arcs: () => (arcs ??= directedCsr(input)),
      undirected: () => (undirected ??= undirectedGraph(input.nodes, csr)),
      directed: () => (directed ??= directedGraph(input)),
    };
    cache.set(input, network);
  }
  return network;
}

function undirectedGraph(nodes: readonly string[], csr: Csr): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const id of nodes) graph.addNode(id);
  const { offsets, neighbors, weights } = csr;
  for (let i = 0; i < csr.n; i++) {
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      const j = neighbors[p]!;
      if (j > i) graph.addEdge(nodes[i], nodes[j], { weight: weights[p]! });
    }
  }
  return graph;
}

function directedGraph(input: NetworkInput): DirectedGraph {
  const graph = new DirectedGraph({ allowSelfLoops: true });
  for (const id of input.nodes) graph.addNode(id);
  const add = (s: string, t: string, weight: number): void => {
    graph.updateEdge(s, t, (attributes) => ({ weight: ((attributes['weight'] as number | undefined) ?? 0) + weight }));
  };
  for (let e = 0; e < input.source.length; e++) {
    const s = input.nodes[input.source[e]!]!;
    const t = input.nodes[input.target[e]!]!;
    const weight = at(input.weight, e, 1);
    add(s, t, weight);
    if (at(input.directed, e, 0) === 0 && s !== t) add(t, s, weight);
  }
  return graph;
}



/**
 * The input as a graphology graph (node keys = node ids, edge attribute `weight`), e.g. for sigma or
 * graphology's standard library: `undirected` merges ties and drops self-loops; `directed` is PageRank's view.
 * Built once per input object.
 */
export function buildGraph(input: NetworkInput, view: 'undirected'): UndirectedGraph;
export function buildGraph(input: NetworkInput, view: 'directed'): DirectedGraph;
export function buildGraph(input: NetworkInput, view: 'undirected' | 'directed'): Graph {
  const network = prepareNetwork(input);
  return view === 'directed' ? network.directed() : network.undirected();
}
