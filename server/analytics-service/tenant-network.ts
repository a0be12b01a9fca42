/**
 * A tenant's social graph as the network engines' input (../analytics/network), built once per data version:
 * stored relationships plus ties derived from interactions (@mentions, replies), with per-node attributes.
 *
 * Nodes are the customers with at least one tie, in store-id order (node names are store ids as text), so a
 * customer's node is found by binary search. Directed kinds (follows, mentions, replies, referral) are arcs;
 * colleague and unknown kinds are mutual. Communities, roles and ego networks use the engines' undirected view.
 * Weights: stored weight (a count) × 2^(−age / 90 days), age from the tie's last sighting to the tenant's latest
 * one (`recencyWeights`, floored at 0.01) — so the graph reflects who is in touch now, deterministically (never the
 * clock). Ties with no dates are not decayed.
 */
import { recencyWeights, type NetworkInput, type NodeAttributes } from '../analytics/network';
import { interactionTieText, nodeAttributeText, relationshipTieText } from '../store/queries/network';
import { indexOfId, parseLines, parseTies, tieCustomers, type TieColumns } from './network-ties';
import { customerIndex } from './tenant-activity';
import { tenantRfm } from './tenant-rfm';
import type { TenantSnapshot } from './tenant-snapshot';

export const NETWORK_DEFAULTS = { halfLifeDays: 90 } as const;

export interface TenantNetwork {
  input: NetworkInput;
  /** Store id per node, ascending. */
  customerIds: Float64Array;
  attributes: Required<NodeAttributes>;
  /** The ties as stored / derived, in input order (group evolution stamps them per period). */
  ties: TieColumns;
  /** Ties derived from interactions (the last ones in `ties`). */
  derivedTies: number;
}

export function tenantNetwork(snapshot: TenantSnapshot): Promise<TenantNetwork> {
  return snapshot.get('network', () => loadNetwork(snapshot));
}

/** The node of a store customer id, or -1 when the customer has no tie. */
export function networkNode(network: TenantNetwork, customerId: number): number {
  return indexOfId(network.customerIds, customerId);
}

async function loadNetwork(snapshot: TenantSnapshot): Promise<TenantNetwork> {
  const { db, tenant } = snapshot;
  const [stored, derived, attributeText, rfm] = await Promise.all([
    relationshipTieText(db, tenant),
    interactionTieText(db, tenant),
    nodeAttributeText(db, tenant),
    tenantRfm(snapshot),
  ]);
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
  const segment = Array.from(customerIds, (id) => {
    const c = customerIndex(rfm.data, id);
    const s = c < 0 ? -1 : rfm.result.segment[c]!;
    return s < 0 ? 'unknown' : rfm.result.segmentNames[s]!;
  });

  const input: NetworkInput = {
    nodes: Array.from(customerIds, String),
    source,
    target,
    weight: decayedWeights(ties),
    directed: ties.directed,
  };
  return {
    input,
    customerIds,
    attributes: { activity, monetary, sentiment, segment },
    ties,
    derivedTies: derived ? derived.split('\n').length : 0,
  };
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
