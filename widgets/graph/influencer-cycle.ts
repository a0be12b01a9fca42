import type { Formatters } from '../kit/format.js';
import type { GraphNode } from './types.js';

/** The influencer an arrow key moves to (wrapping), or undefined for other keys. */
export function cycleIndex(key: string, from: number, count: number): number | undefined {
  if (!count) return undefined;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (from + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (from - 1 + count) % count;
  return undefined;
}

/** What the live region says when keyboard focus reaches an influencer. */
export function describeInfluencer(node: GraphNode, index: number, count: number, f: Formatters): string {
  const score = node.influence == null ? 'unknown' : f.decimal(node.influence, 1);
  return `${index + 1} of ${count}: ${node.name ?? node.id}, community ${node.community ?? 'none'}, influence ${score}.`;
}
