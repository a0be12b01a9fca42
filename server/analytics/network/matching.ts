/**
 * Matching groups of consecutive windows and naming what happened (Palla, Barabási & Vicsek 2007, "Quantifying
 * social group evolution"; the Jaccard matching of Greene, Doyle & Cunningham 2010). Groups a (before) and b
 * (after) match when |a ∩ b| / |a ∪ b| ≥ `threshold` (default 0.3, Greene et al.'s choice). Then:
 *   birth: b matches nothing · death: a matches nothing · split: a matches ≥ 2 groups · merge: b is matched by ≥ 2
 *   one-to-one a ↔ b: growth when |b| ≥ (1 + sizeChange)|a|, contraction when |b| ≤ (1 − sizeChange)|a|,
 *   continuation otherwise (sizeChange default 0.1).
 * A group continues the track of its best-matching predecessor when that predecessor's best match is this group.
 */
export type EventType = 'birth' | 'death' | 'growth' | 'contraction' | 'continuation' | 'merge' | 'split';

export interface Match {
  /** Events with group indices into `before` / `after`. */
  readonly events: readonly { type: EventType; from: number[]; to: number[] }[];
  /** For each group after, the index of the group before whose track it continues, or -1. */
  readonly continues: Int32Array;
}

export function matchGroups(
  before: readonly (readonly number[])[],
  after: readonly (readonly number[])[],
  threshold: number,
  sizeChange: number,
): Match {
  const groupAfter = new Map<number, number>();
  after.forEach((members, b) => members.forEach((v) => groupAfter.set(v, b)));
  const successors: { b: number; j: number }[][] = before.map(() => []);
  const predecessors: { a: number; j: number }[][] = after.map(() => []);
  before.forEach((members, a) => {
    const overlap = new Map<number, number>();
    for (const v of members) {
      const b = groupAfter.get(v);
      if (b !== undefined) overlap.set(b, (overlap.get(b) ?? 0) + 1);
    }
    for (const [b, shared] of overlap) {
      const j = shared / (members.length + after[b]!.length - shared);
      if (j >= threshold) {
        successors[a]!.push({ b, j });
        predecessors[b]!.push({ a, j });
      }
    }
  });

  const events: { type: EventType; from: number[]; to: number[] }[] = [];
  successors.forEach((next, a) => {
    if (next.length === 0) events.push({ type: 'death', from: [a], to: [] });
    if (next.length >= 2) events.push({ type: 'split', from: [a], to: next.map((s) => s.b).sort((x, y) => x - y) });
  });
  predecessors.forEach((previous, b) => {
    if (previous.length === 0) events.push({ type: 'birth', from: [], to: [b] });
    if (previous.length >= 2) events.push({ type: 'merge', from: previous.map((p) => p.a).sort((x, y) => x - y), to: [b] });
    if (previous.length === 1 && successors[previous[0]!.a]!.length === 1) {
      const a = previous[0]!.a;
      const ratio = after[b]!.length / before[a]!.length;
      const type = ratio >= 1 + sizeChange ? 'growth' : ratio <= 1 - sizeChange ? 'contraction' : 'continuation';
      events.push({ type, from: [a], to: [b] });
    }
  });

  const best = <T extends { j: number }>(list: T[]): T | undefined =>
    list.reduce<T | undefined>((top, x) => (top === undefined || x.j > top.j ? x : top), undefined);
  const continues = new Int32Array(after.length).fill(-1);
  predecessors.forEach((previous, b) => {
    const p = best(previous);
    if (p !== undefined && best(successors[p.a]!)?.b === b) continues[b] = p.a;
  });
  return { events, continues };
}
