/**
 * Communities, influence, roles and betweenness of a tenant's network, each computed once per data version (and
 * resolution) through the snapshot. Communities: the engine's default Leiden, seed 0, so the same data gives
 * the same communities and ids; ids are ordinals by decreasing size. The engines run on worker threads
 * (engine-pool.ts).
 */
import type { BetweennessResult, CommunityResult, InfluenceResult, RolesResult } from '../analytics/network';
import { runEngine } from './engine-pool';
import { AnalyticsError } from './errors';
import { tenantNetwork, type TenantNetwork } from './tenant-network';
import type { TenantSnapshot } from './tenant-snapshot';

export const COMMUNITY_RESOLUTION = { default: 1, min: 0.01, max: 100 } as const;

export interface TenantCommunities {
  network: TenantNetwork;
  result: CommunityResult;
  /** Node indices per community, ascending (= store-id order). */
  members: readonly (readonly number[])[];
}

export interface TenantInfluence {
  network: TenantNetwork;
  result: InfluenceResult;
  /** Nodes by score, best first (ties: higher PageRank, then store id). */
  order: Int32Array;
  /** 1-based rank per node. */
  rank: Int32Array;
}

/**
 * `resolution` γ: absent → 1; out of range → INVALID_OPTIONS; rounded to two significant digits (1.57 → 1.6), finer
 * than communities move and coarse enough that callers cannot make every request a new Leiden run (and cache entry)
 * with 1.00001, 1.00002, …
 */
export function checkResolution(resolution: number | null | undefined): number {
  const gamma = resolution ?? COMMUNITY_RESOLUTION.default;
  if (!(gamma >= COMMUNITY_RESOLUTION.min && gamma <= COMMUNITY_RESOLUTION.max)) {
    throw new AnalyticsError(
      'INVALID_OPTIONS',
      `resolution must be between ${COMMUNITY_RESOLUTION.min} and ${COMMUNITY_RESOLUTION.max}, got ${gamma}`,
    );
  }
  return Number(gamma.toPrecision(2));
}

export async function tenantCommunities(snapshot: TenantSnapshot, resolution?: number | null): Promise<TenantCommunities> {
  const gamma = checkResolution(resolution);
  const network = await tenantNetwork(snapshot);
  return snapshot.get(`network|communities|${gamma}`, async () => {
    const result = await runEngine('communities', network.keyed, gamma);
    const members: number[][] = Array.from({ length: result.count }, () => []);
    for (let i = 0; i < result.membership.length; i++) members[result.membership[i]!]!.push(i);
    return { network, result, members };
  });
}

export async function tenantInfluence(snapshot: TenantSnapshot): Promise<TenantInfluence> {
  const network = await tenantNetwork(snapshot);
  return snapshot.get('network|influence', async () => {
    const { activity, monetary } = network.attributes;
    const result = await runEngine('influence', network.keyed, { activity, monetary });
    const { score, pageRank } = result;
    const order = Int32Array.from({ length: score.length }, (_, i) => i).sort(
      (a, b) => score[b]! - score[a]! || pageRank[b]! - pageRank[a]! || a - b,
    );
    const rank = new Int32Array(order.length);
    order.forEach((node, k) => (rank[node] = k + 1));
    return { network, result, order, rank };
  });
}

export async function tenantRoles(snapshot: TenantSnapshot, resolution?: number | null): Promise<RolesResult> {
  const gamma = checkResolution(resolution);
  const [communities, ranks] = await Promise.all([tenantCommunities(snapshot, gamma), tenantInfluence(snapshot)]);
  return snapshot.get(`network|roles|${gamma}`, () =>
    runEngine('roles', communities.network.keyed, communities.result.membership, ranks.result.pageRank),
  );
}

/** Betweenness is the costly one (exact up to n·2m = 5·10⁷, sampled beyond): computed only when a query asks. */
export async function tenantBetweenness(snapshot: TenantSnapshot): Promise<BetweennessResult> {
  const network = await tenantNetwork(snapshot);
  return snapshot.get('network|betweenness', () => runEngine('betweenness', network.keyed));
}
