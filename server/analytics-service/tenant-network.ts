/**
 * A tenant's social graph as the network engines' input (../analytics/network), built once per data version:
 * stored relationships plus ties derived from interactions (@mentions, replies), with per-node attributes.
 *
 * Nodes are the customers with at least one tie, in store-id order (node names are store ids as text), so a
 * customer's node is found by binary search. Directed kinds (follows, mentions, replies, referral) are arcs;
 * colleague and unknown kinds are mutual. Communities, roles and ego networks use the engines' undirected view.
 * Weights: stored weight (a count) × 2^(−age / 90 days), age from the tie's last sighting to the tenant's latest
 * one (`recencyWeights`, floored at 0.01) — so the graph reflects who is in touch now, deterministically (never the
 * clock). Ties with no dates are not decayed. The texts are parsed and the network built on an engine thread
 * (network-build.ts, engine-pool.ts).
 */
import type { NodeAttributes } from '../analytics/network';
import { interactionTieText, nodeAttributeText, relationshipTieText } from '../store/queries/network';
import { runEngine } from './engine-pool';
import type { KeyedInput } from './engines';
import type { BuiltNetwork } from './network-build';
import { indexOfId } from './network-ties';
import { customerIndex } from './tenant-activity';
import { tenantRfm } from './tenant-rfm';
import type { TenantSnapshot } from './tenant-snapshot';

export { NETWORK_DEFAULTS } from './network-build';

export interface TenantNetwork extends Omit<BuiltNetwork, 'attributes'> {
  attributes: Required<NodeAttributes>;
  /** The input under an id unique to this build, as the engines take it (engines.ts, KeyedInput). */
  keyed: KeyedInput;
}

let builds = 0;

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
  const built = await runEngine('network', stored, derived, attributeText);
  const segment = Array.from(built.customerIds, (id) => {
    const c = customerIndex(rfm.data, id);
    const s = c < 0 ? -1 : rfm.result.segment[c]!;
    return s < 0 ? 'unknown' : rfm.result.segmentNames[s]!;
  });
  return { ...built, attributes: { ...built.attributes, segment }, keyed: { id: `${tenant}/${snapshot.version}/${++builds}`, input: built.input } };
}
