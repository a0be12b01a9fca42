export const ROLES = ['HUB', 'CONNECTOR', 'PERIPHERAL', 'ULTRA_PERIPHERAL', 'KINLESS'] as const;

/** One customer in the network. `influence` is the API's influence score, 0–100. */
export interface GraphNode {
  id: string;
  externalId?: string | null;
  name?: string | null;
  community?: string | null;
  influence?: number | null;
  pageRank?: number | null;
  role?: string | null;
  /** RFM segment name. */
  segment?: string | null;
  /** Net sentiment −1 … 1. */
  sentiment?: number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight?: number | null;
}

export interface CommunityInfo {
  id: string;
  size: number;
  /** Σ RFM monetary of the members. */
  value?: number | null;
  /** Mean net sentiment of the members, −1 … 1. */
  sentiment?: number | null;
}

/** A group tracked through time: in each window, who was in it. */
export interface EvolutionData {
  windows: Array<{ index: number; label: string }>;
  tracks: Array<{ id: string; snapshots: Array<{ window: number; size: number; members: string[] }> }>;
  events: Array<{ type: string; window: number; from: string[]; to: string[] }>;
}

/** What the graph draws: from the API, or the host's own `data`. */
export interface NetworkData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  communities: CommunityInfo[];
  /** Node ids, most influential first. */
  influencers: string[];
  modularity?: number | null;
  evolution?: EvolutionData | null;
}

export interface EgoData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilters {
  community: string;
  role: string;
  segment: string;
  /** `positive` (net > 0.1), `negative` (net < −0.1), `neutral`, or empty. */
  sentiment: string;
}

export interface GraphCustomerSelectDetail {
  id: string;
  externalId?: string | null;
  name?: string | null;
  community?: string | null;
  /** How it was chosen: `click`, `search` or `keyboard`. */
  source: 'click' | 'search' | 'keyboard';
}

export interface EgoExpandDetail {
  id: string;
  radius: number;
  nodes: string[];
  edges: number;
}

export interface WindowChangeDetail {
  /** −1 for the current network. */
  index: number;
  label: string;
  events: Array<{ type: string; from: string[]; to: string[] }>;
}
