/** Parses the store's tie and attribute texts (../store/queries/network.ts) into columns. */

export interface TieColumns {
  /** Store customer ids. */
  source: Float64Array;
  target: Float64Array;
  directed: Uint8Array;
  /** Stored weight (a count for derived ties). */
  weight: Float64Array;
  /** ms since the epoch; NaN when unknown. */
  firstSeen: Float64Array;
  lastSeen: Float64Array;
}

/** Lines of comma-separated fields; an empty field is NaN. */
export function parseLines(text: string): number[][] {
  if (!text) return [];
  return text.split('\n').map((line) => line.split(',').map((f) => (f === '' ? NaN : Number(f))));
}

/** Tie lines from several texts (relationships, derived ties) as one set of columns. */
export function parseTies(...texts: string[]): TieColumns {
  const rows = texts.flatMap(parseLines);
  const m = rows.length;
  const ties: TieColumns = {
    source: new Float64Array(m),
    target: new Float64Array(m),
    directed: new Uint8Array(m),
    weight: new Float64Array(m),
    firstSeen: new Float64Array(m),
    lastSeen: new Float64Array(m),
  };
  rows.forEach(([s, t, d, w, first, last], e) => {
    ties.source[e] = s!;
    ties.target[e] = t!;
    ties.directed[e] = d!;
    // The engines need weight > 0; a stored zero or negative weight still records that a tie exists.
    ties.weight[e] = w! > 0 && Number.isFinite(w) ? w! : 1;
    ties.firstSeen[e] = first! * 1000;
    ties.lastSeen[e] = last! * 1000;
  });
  return ties;
}

/** Node ids: the distinct customers the ties name, ascending. */
export function tieCustomers(ties: TieColumns): Float64Array {
  const ids = new Set<number>();
  for (let e = 0; e < ties.source.length; e++) ids.add(ties.source[e]!).add(ties.target[e]!);
  return Float64Array.from(ids).sort();
}

/** The index of `id` in the ascending `ids`, or -1. */
export function indexOfId(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
