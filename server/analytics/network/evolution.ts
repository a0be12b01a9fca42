/**
 * Group evolution tracking and life-cycle events (Palla et al. 2007): communities detected in each time window
 * (month by default; windows.ts) on the ties active in it, groups of at least `minSize` active members matched
 * across consecutive windows (matching.ts), each group profiled (group-health.ts) and each track — a group
 * followed through its one-to-one continuations — given an early-warning flag.
 */
import type { CommunityOptions } from './communities';
import { earlyWarning, profileGroup, type EarlyWarning, type GroupProfile, type WarningOptions } from './group-health';
import type { NetworkInput, NodeAttributes } from './input';
import { matchGroups, type EventType } from './matching';
import { timeWindows, type Period, type TimeWindow } from './windows';
import { windowGroups } from './window-groups';

export interface EvolutionOptions {
  /** @default 'month' */
  period?: Period;
  /** Jaccard threshold for matching groups. @default 0.3 */
  threshold?: number;
  /** Smallest group tracked (active members). @default 3 */
  minSize?: number;
  /** Relative size change that counts as growth / contraction. @default 0.1 */
  sizeChange?: number;
  communities?: CommunityOptions;
  warning?: WarningOptions;
}

export const EVOLUTION_DEFAULTS = { period: 'month', threshold: 0.3, minSize: 3, sizeChange: 0.1 } as const;

export interface GroupSnapshot extends GroupProfile {
  /** Index into `groups`. */
  readonly key: number;
  readonly window: number;
  readonly track: number;
  /** Node indices, ascending. */
  readonly members: readonly number[];
}

export interface LifeCycleEvent {
  readonly type: EventType;
  /** Window where the change is seen (the later of the two). */
  readonly window: number;
  /** Group keys in window − 1 and in window. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

export interface GroupTrack {
  readonly track: number;
  /** Group keys, oldest first. */
  readonly groups: readonly number[];
  /** Still present in the last window. */
  readonly alive: boolean;
  readonly warning: EarlyWarning;
}

export interface EvolutionResult {
  readonly windows: readonly (Omit<TimeWindow, 'ties'> & { ties: number; modularity: number })[];
  readonly groups: readonly GroupSnapshot[];
  readonly events: readonly LifeCycleEvent[];
  readonly tracks: readonly GroupTrack[];
}

/** `attributes`: per-node arrays, or a function giving them for each window (activity, value… as of that window). */
export function groupEvolution(
  input: NetworkInput,
  attributes: NodeAttributes | ((window: TimeWindow) => NodeAttributes) = {},
  options: EvolutionOptions = {},
): EvolutionResult {
  const o = { ...EVOLUTION_DEFAULTS, ...options };
  const windows = timeWindows(input, o.period);
  const groups: GroupSnapshot[] = [];
  const events: LifeCycleEvent[] = [];
  const trackGroups: number[][] = [];
  const windowInfo: EvolutionResult['windows'][number][] = [];
  let previous: GroupSnapshot[] = [];

  for (const window of windows) {
    const { sets, modularity, strength } = windowGroups(input, window, o.minSize, o.communities);
    const attrs = typeof attributes === 'function' ? attributes(window) : attributes;
    const match = matchGroups(previous.map((g) => g.members), sets, o.threshold, o.sizeChange);
    const current = sets.map((members, b) => {
      const parent = match.continues[b]!;
      const track = parent >= 0 ? previous[parent]!.track : trackGroups.length;
      if (parent < 0) trackGroups.push([]);
      const snapshot: GroupSnapshot = { key: groups.length, window: window.index, track, members, ...profileGroup(members, attrs, strength) };
      trackGroups[track]!.push(snapshot.key);
      groups.push(snapshot);
      return snapshot;
    });
    for (const e of match.events) {
      events.push({ type: e.type, window: window.index, from: e.from.map((a) => previous[a]!.key), to: e.to.map((b) => current[b]!.key) });
    }
    const { ties, ...rest } = window;
    windowInfo.push({ ...rest, ties: ties.length, modularity });
    previous = current;
  }

  const last = windows.length - 1;
  const tracks = trackGroups.map((keys, track) => ({
    track,
    groups: keys,
    alive: groups[keys[keys.length - 1]!]!.window === last,
    warning: earlyWarning(keys.map((k) => groups[k]!), o.warning),
  }));
  return { windows: windowInfo, groups, events, tracks };
}
