/**
 * The pure part of loading a tenant's network (tenant-network.ts describes nodes, kinds and weights): the store's
 * tie and attribute texts (../store/queries/network.ts) → engine input. It runs on an engine thread (engines.ts):
 * parsing a million tie lines is the costly part of loading a network.
 */
import { recencyWeights, type NetworkInput, type NodeAttributes } from '../analytics/network';
import { indexOfId, parseLines, parseTies, tieCustomers, type TieColumns } from './network-ties';

export const NETWORK_DEFAULTS = { halfLifeDays: 90 } as const;

export interface BuiltNetwork {
  input: NetworkInput;
  /** Store id per node, ascending. */
  customerIds: Float64Array;
  attributes: Required<Omit<NodeAttributes, 'segment'>>;
  /** The ties as stored / derived, in input order (group evolution stamps them per period). */
  ties: TieColumns;
  /** Ties derived from interactions (the last ones in `ties`). */
  derivedTies: number;
}

export function buildNetwork(stored: string, derived: string, attributeText: string): BuiltNetwork {
  const ties = parseTies(stored, derived);
  const customerIds = tieCustomers(ties);
  const n = customerIds.length;
  const m = ties.source.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    source[e] = indexOfId(customerIds, ties.source[e]!);
    target[e] = indexOfId(customerIds, ties.target[e]!);
  }

  const activity = new Float64Array(n);
  const monetary = new Float64Array(n);
  const sentiment = new Float64Array(n);
  for (const [id, count, positive, negative, labelled, spent] of parseLines(attributeText)) {
    const i = indexOfId(customerIds, id!);
    if (i < 0) continue;
    activity[i] = count!;
    monetary[i] = spent!;
    sentiment[i] = labelled! > 0 ? (positive! - negative!) / labelled! : 0;
  }
  const input: NetworkInput = {
    nodes: Array.from(customerIds, String),
    source,
    target,
    weight: decayedWeights(ties),
    directed: ties.directed,
  };
  return { input, customerIds, attributes: { activity, monetary, sentiment }, ties, derivedTies: derived ? derived.split('\n').length : 0 };
}

function decayedWeights(ties: TieColumns): Float64Array {
  const m = ties.source.length;
  const seen = Float64Array.from({ length: m }, (_, e) => lastSighting(ties, e));
  let asOf = -Infinity;
  for (const t of seen) if (t > asOf) asOf = t;
  if (!Number.isFinite(asOf)) return ties.weight;
  // Undated ties count as seen now: nothing says they are old.
  for (let e = 0; e < m; e++) if (Number.isNaN(seen[e])) seen[e] = asOf;
  return recencyWeights(ties.weight, seen, { asOf, halfLifeDays: NETWORK_DEFAULTS.halfLifeDays });
}

const lastSighting = (ties: TieColumns, e: number): number =>
  Number.isNaN(ties.lastSeen[e]) ? ties.firstSeen[e]! : ties.lastSeen[e]!;
