import type { GraphFilters, GraphNode } from './types.js';

/** Everything that decides how a node or tie is drawn, apart from its position. */
export interface ViewState {
  filters: GraphFilters;
  /** In a time window: node id → the id of the group it belonged to then; nodes absent from the map are hidden. */
  window: Map<string, string> | null;
  /** Colour of a community (current view) or a group track (time window). */
  colorOf(group: string | null, inWindow: boolean): string;
  /** The hovered or focused node: it and its neighbours stay lit. */
  focus: string | null;
  /** An expanded ego network: only it stays lit. */
  ego: Set<string> | null;
  /** Hide ties (while the layout moves the nodes), leaving them out of the drawing. */
  hideEdges: boolean;
}

export function sentimentBucket(net: number | null | undefined): string {
  if (net == null || !Number.isFinite(net)) return '';
  return net > 0.1 ? 'positive' : net < -0.1 ? 'negative' : 'neutral';
}

/** Whether a node passes the community / role / segment / sentiment filters. */
export function passes(node: GraphNode, f: GraphFilters): boolean {
  return (
    (!f.community || node.community === f.community) &&
    (!f.role || node.role === f.role) &&
    (!f.segment || node.segment === f.segment) &&
    (!f.sentiment || sentimentBucket(node.sentiment) === f.sentiment)
  );
}

export const NO_FILTERS: GraphFilters = { community: '', role: '', segment: '', sentiment: '' };
