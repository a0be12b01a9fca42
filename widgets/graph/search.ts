import type { GraphNode } from './types.js';

/** Up to `limit` customers whose name contains the query, or whose external id equals it (case-insensitive). */
export function searchNodes(nodes: Iterable<GraphNode>, query: string, limit = 8): GraphNode[] {
  const q = query.trim().toLowerCase();
  const out: GraphNode[] = [];
  if (!q) return out;
  for (const n of nodes) {
    if ((n.name ?? '').toLowerCase().includes(q) || (n.externalId ?? '').toLowerCase() === q) out.push(n);
    if (out.length >= limit) break;
  }
  return out;
}
