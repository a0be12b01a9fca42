/**
 * Group profile per window (size, value, segment mix, net sentiment, activity) and the early warning of group
 * churn asked for by the Social CRM framework (Mosadegh & Behboudi, §3 "group evolution tracking and life-cycle
 * modelling"). Rule, over a group's last `windows` snapshots (at least 2), first vs last:
 *   activity or value fell by ≥ `drop` (20 %) · net sentiment fell by ≥ `sentimentDrop` (0.2 on [−1, 1]) ·
 *   the share of members in at_risk or hibernating rose by ≥ `drift` (15 points).
 * Any one raises the flag; `reasons` says which.
 */
import { at, type NodeAttributes } from './input';

export interface GroupProfile {
  readonly size: number;
  /** Σ monetary of members. */
  readonly value: number;
  /** Members per segment (`unknown` when the caller gave none). */
  readonly segmentMix: Readonly<Record<string, number>>;
  /** Mean net sentiment of members, in [−1, 1]. */
  readonly sentiment: number;
  /** Σ activity of members (caller's counts, else their tie weight in the window). */
  readonly activity: number;
}

export interface WarningOptions {
  /** @default 3 */
  windows?: number;
  /** @default 0.2 */
  drop?: number;
  /** @default 0.2 */
  sentimentDrop?: number;
  /** @default 0.15 */
  drift?: number;
}

export const WARNING_DEFAULTS: Required<WarningOptions> = { windows: 3, drop: 0.2, sentimentDrop: 0.2, drift: 0.15 };

export type WarningReason = 'activity' | 'value' | 'sentiment' | 'drift';

export interface EarlyWarning {
  readonly flag: boolean;
  readonly reasons: readonly WarningReason[];
}

const CHURNING = new Set(['at_risk', 'hibernating']);

export function profileGroup(members: readonly number[], attributes: NodeAttributes, windowStrength: Float64Array): GroupProfile {
  let value = 0;
  let sentiment = 0;
  let activity = 0;
  const segmentMix: Record<string, number> = {};
  for (const i of members) {
    value += at(attributes.monetary, i);
    sentiment += at(attributes.sentiment, i);
    activity += attributes.activity === undefined ? windowStrength[i]! : at(attributes.activity, i);
    const segment = attributes.segment?.[i] ?? 'unknown';
    segmentMix[segment] = (segmentMix[segment] ?? 0) + 1;
  }
  return { size: members.length, value, segmentMix, sentiment: members.length ? sentiment / members.length : 0, activity };
}

/** `history`: a group's profiles, oldest first. */
export function earlyWarning(history: readonly GroupProfile[], options: WarningOptions = {}): EarlyWarning {
  const o = { ...WARNING_DEFAULTS, ...options };
  const span = history.slice(-Math.max(2, o.windows));
  if (span.length < 2) return { flag: false, reasons: [] };
  const first = span[0]!;
  const last = span[span.length - 1]!;
  const reasons: WarningReason[] = [];
  if (first.activity > 0 && last.activity <= (1 - o.drop) * first.activity) reasons.push('activity');
  if (first.value > 0 && last.value <= (1 - o.drop) * first.value) reasons.push('value');
  if (last.sentiment - first.sentiment <= -o.sentimentDrop) reasons.push('sentiment');
  if (churnShare(last) - churnShare(first) >= o.drift) reasons.push('drift');
  return { flag: reasons.length > 0, reasons };
}

function churnShare(profile: GroupProfile): number {
  let churning = 0;
  for (const [segment, count] of Object.entries(profile.segmentMix)) if (CHURNING.has(segment)) churning += count;
  return profile.size ? churning / profile.size : 0;
}
