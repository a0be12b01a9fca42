/**
 * The network engines a tenant's analytics run off the event loop (engine-pool.ts). Each takes and returns plain
 * data — typed arrays, arrays, numbers, strings — so its call can be posted to a worker thread and its result
 * posted back; the same functions run inline when threads are off.
 */
import {
  betweenness,
  detectCommunities,
  groupEvolution,
  influence,
  roles,
  type NetworkInput,
  type NodeAttributes,
  type Period,
} from '../analytics/network';
import { buildNetwork } from './network-build';

/** Per customer and month: [store id, month (s), interactions, positive, negative, labelled, spent] (network query). */
export interface MonthRows {
  /** Node of each row. */
  node: Int32Array;
  /** Month start of each row, ms since the epoch. */
  month: Float64Array;
  rows: number[][];
}

/**
 * A tenant network's input with an id unique to that build. A thread keeps the input it got under each id (the
 * last few), so the engines run on one object per network there — and `prepareNetwork`, memoised per input object,
 * builds its views once per network and thread instead of once per engine run.
 */
export interface KeyedInput {
  id: string;
  input: NetworkInput;
}

const KEPT_INPUTS = 4;
const kept = new Map<string, NetworkInput>();

function keptInput({ id, input }: KeyedInput): NetworkInput {
  const known = kept.get(id);
  kept.delete(id);
  kept.set(id, known ?? input);
  while (kept.size > KEPT_INPUTS) kept.delete(kept.keys().next().value!);
  return known ?? input;
}

export const engines = {
  network: buildNetwork,
  communities: (network: KeyedInput, resolution: number) => detectCommunities(keptInput(network), { resolution }),
  influence: (network: KeyedInput, attributes: Pick<NodeAttributes, 'activity' | 'monetary'>) => influence(keptInput(network), attributes),
  roles: (network: KeyedInput, membership: Int32Array, pageRank: Float64Array) => roles(keptInput(network), membership, { pageRank }),
  betweenness: (network: KeyedInput) => betweenness(keptInput(network)),
  /** Group evolution with each window's own attributes: activity, value and sentiment summed over its months. */
  evolution: (input: NetworkInput, months: MonthRows, segments: readonly string[][], period: Period) =>
    groupEvolution(
      input,
      (w) => ({ ...sumMonths(months, input.nodes.length, w.start, w.end), segment: segments[w.index]! }),
      { period },
    ),
};

export type Engines = typeof engines;
export type EngineName = keyof Engines;

function sumMonths(months: MonthRows, n: number, start: number, end: number) {
  const activity = new Float64Array(n);
  const monetary = new Float64Array(n);
  const net = new Float64Array(n);
  const labelled = new Float64Array(n);
  months.rows.forEach(([, , count, positive, negative, lab, spent], r) => {
    const t = months.month[r]!;
    if (t < start || t >= end) return;
    const i = months.node[r]!;
    activity[i]! += count!;
    monetary[i]! += spent!;
    net[i]! += positive! - negative!;
    labelled[i]! += lab!;
  });
  const sentiment = net.map((v, i) => (labelled[i]! > 0 ? v / labelled[i]! : 0));
  return { activity, monetary, sentiment };
}
