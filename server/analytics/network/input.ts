/**
 * The input every network engine takes: ties as parallel arrays over node indices, node ids as strings.
 *
 * Callers (the store, the GraphQL layer) build this once per tenant from `relationships` and derived interaction
 * ties; engines never see a database. `prepareNetwork` (network.ts) validates it and builds the views once.
 */

/** A numeric column: a typed array or a plain array. */
export type NumericColumn = ArrayLike<number>;

export interface NetworkInput {
  /** Node ids; node `i` is `nodes[i]`. Nodes without ties are allowed (isolated). */
  readonly nodes: readonly string[];
  /** Tie source indices into `nodes`. */
  readonly source: NumericColumn;
  /** Tie target indices into `nodes`. */
  readonly target: NumericColumn;
  /** Tie weights (> 0); missing → 1 for every tie. Parallel ties are summed. */
  readonly weight?: NumericColumn;
  /** Per tie 1 when the kind is directed (follows, mentions, replies, referral), 0 when mutual; missing → all 0. */
  readonly directed?: NumericColumn;
  /** Per tie time stamp (when the tie was seen), in `timeUnit`; needed only by group evolution. */
  readonly time?: NumericColumn;
  /**
   * Unit of `time`: milliseconds since the Unix epoch, or days since the epoch.
   * @default 'ms'
   */
  readonly timeUnit?: 'ms' | 'days';
}

/** Per-node attributes some engines read (influence, group health). Missing arrays or entries count as 0. */
export interface NodeAttributes {
  /** Activity count per node (interactions, orders…). */
  readonly activity?: NumericColumn;
  /** Monetary value per node (RFM monetary). */
  readonly monetary?: NumericColumn;
  /** Net sentiment per node in [-1, 1] (positive share − negative share). */
  readonly sentiment?: NumericColumn;
  /** RFM segment name per node (`champions`, `at_risk`, …); missing → `unknown`. */
  readonly segment?: readonly (string | null | undefined)[];
}

export const MS_PER_DAY = 86_400_000;

/** Value of a column at `i`, or `fallback` when the column or the entry is missing. */
export function at(column: NumericColumn | undefined, i: number, fallback = 0): number {
  if (column === undefined) return fallback;
  const v = column[i];
  return v === undefined || Number.isNaN(v) ? fallback : v;
}

/** Throws a `rapport/network:` error when the columns disagree or point outside `nodes`. */
export function validateInput(input: NetworkInput): void {
  const n = input.nodes.length;
  const m = input.source.length;
  if (input.target.length !== m) fail(`target has ${input.target.length} entries, source has ${m}`);
  for (const name of ['weight', 'directed', 'time'] as const) {
    const column = input[name];
    if (column !== undefined && column.length !== m) fail(`${name} has ${column.length} entries, source has ${m}`);
  }
  for (let e = 0; e < m; e++) {
    const s = input.source[e]!;
    const t = input.target[e]!;
    if (!(s >= 0 && s < n && Number.isInteger(s))) fail(`tie ${e}: source ${s} is not a node index (0…${n - 1})`);
    if (!(t >= 0 && t < n && Number.isInteger(t))) fail(`tie ${e}: target ${t} is not a node index (0…${n - 1})`);
    const w = at(input.weight, e, 1);
    if (!(w > 0) || !Number.isFinite(w)) fail(`tie ${e}: weight ${w} must be a positive number`);
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export function fail(message: string): never {
  throw new NetworkError(`rapport/network: ${message}`);
}
