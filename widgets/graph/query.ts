import type { RapportClient } from '../kit/client.js';
import type { CommunityInfo, EgoData, EvolutionData, GraphEdge, GraphNode, NetworkData } from './types.js';

const CUSTOMER = 'id externalId name role influence { score pageRank } rfm { segment } sentiment { net }';

interface ApiCustomer {
  id: string;
  externalId?: string | null;
  name?: string | null;
  role?: string | null;
  influence?: { score: number | null; pageRank: number | null } | null;
  rfm?: { segment: string | null } | null;
  sentiment?: { net: number | null } | null;
  community?: { id: string } | null;
}
type Members = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ApiCustomer | null } | null> };
type ApiCommunity = CommunityInfo & { members: Members };

export const NETWORK = `query RapportNetwork {
  network { modularity communities { id size value sentiment members(first: 500) { pageInfo { hasNextPage endCursor }
    edges { node { ${CUSTOMER} } } } } influencers(first: 50) { customer { id } } }
}`;
export const MORE = `query RapportMembers($id: ID!, $after: String) { community(id: $id) { members(first: 500, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { ${CUSTOMER} } } } } }`;
const EGO_FIELDS = `nodes { customer { ${CUSTOMER} community { id } } } edges { source target weight }`;
export const EGO = `query RapportEgo($id: ID!, $radius: Int) { network { egoNetwork(customer: $id, radius: $radius, first: 500) { ${EGO_FIELDS} } } }`;
export const EVOLUTION = `query RapportEvolution($period: EvolutionPeriod) { communityEvolution(period: $period) {
  windows { index label } tracks { id snapshots { window size members(first: 500) { id } } } events { type window from to } } }`;

export function toNode(c: ApiCustomer, community?: string | null): GraphNode {
  return {
    id: c.id, externalId: c.externalId, name: c.name, role: c.role, community: community ?? c.community?.id ?? null,
    influence: c.influence?.score ?? null, pageRank: c.influence?.pageRank ?? null, segment: c.rfm?.segment ?? null, sentiment: c.sentiment?.net ?? null,
  };
}

export const EDGES = `query RapportNetworkEdges($after: String) { network { edges(first: 500, after: $after) { totalCount
  edges { node { source target weight } } pageInfo { hasNextPage endCursor } } } }`;

/** How far the ties have loaded, for the loading panel. */
export interface LoadProgress {
  edges: number;
  totalEdges: number;
}

/**
 * The tenant's network: communities and their members, influencers, evolution, and every tie (`network.edges`,
 * paged until done while the members load). Ties to a customer not among the members — written between the two
 * reads — are dropped when the graph is built.
 */
export async function fetchNetwork(
  client: RapportClient, period: string, signal?: AbortSignal, onProgress?: (p: LoadProgress) => void,
): Promise<NetworkData> {
  const [data, evolution, edges] = await Promise.all([
    client.query<{ network: { modularity: number; communities: ApiCommunity[]; influencers: Array<{ customer: { id: string } }> } }>(NETWORK, {}, signal),
    fetchEvolution(client, period, signal).catch(() => null),
    fetchEdges(client, signal, onProgress),
  ]);
  const nodes: GraphNode[] = [];
  const communities: CommunityInfo[] = [];
  for (const c of data.network.communities) {
    const members: ApiCustomer[] = [];
    let page: Members | undefined = c.members;
    for (;;) {
      for (const e of page.edges) if (e?.node) members.push(e.node);
      if (!page.pageInfo.hasNextPage) break;
      const more: { community: { members: Members } } = await client.query(MORE, { id: c.id, after: page.pageInfo.endCursor }, signal);
      page = more.community.members;
    }
    for (const m of members) nodes.push(toNode(m, c.id));
    communities.push({ id: c.id, size: c.size, value: c.value, sentiment: c.sentiment });
  }
  return { nodes, edges, communities, influencers: data.network.influencers.map((i) => i.customer.id), modularity: data.network.modularity, evolution };
}

/** Every tie of the network, 500 per request in (source, target) order. */
export async function fetchEdges(client: RapportClient, signal?: AbortSignal, onProgress?: (p: LoadProgress) => void): Promise<GraphEdge[]> {
  type Page = { network: { edges: { totalCount: number; edges: Array<{ node: GraphEdge } | null>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
  const out: GraphEdge[] = [];
  let after: string | null = null;
  for (;;) {
    const { network }: Page = await client.query<Page>(EDGES, { after }, signal);
    for (const e of network.edges.edges) if (e) out.push(e.node);
    onProgress?.({ edges: out.length, totalEdges: network.edges.totalCount });
    if (!network.edges.pageInfo.hasNextPage) return out;
    after = network.edges.pageInfo.endCursor;
  }
}

export async function fetchEvolution(client: RapportClient, period: string, signal?: AbortSignal): Promise<EvolutionData | null> {
  type Api = Omit<EvolutionData, 'tracks'> & { tracks: Array<{ id: string; snapshots: Array<{ window: number; size: number; members: Array<{ id: string }> }> }> };
  const { communityEvolution: e } = await client.query<{ communityEvolution: Api | null }>(EVOLUTION, { period }, signal);
  if (!e) return null;
  return { ...e, tracks: e.tracks.map((t) => ({ id: t.id, snapshots: t.snapshots.map((s) => ({ window: s.window, size: s.size, members: s.members.map((m) => m.id) })) })) };
}

export async function fetchEgo(client: RapportClient, id: string, radius: number): Promise<EgoData> {
  const { network } = await client.query<{ network: { egoNetwork: { nodes: Array<{ customer: ApiCustomer }>; edges: GraphEdge[] } | null } }>(EGO, { id, radius });
  const ego = network.egoNetwork;
  return { nodes: (ego?.nodes ?? []).map((n) => toNode(n.customer)), edges: ego?.edges ?? [] };
}
