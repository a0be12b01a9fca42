import { describe, expect, it } from 'vitest';
import { groupEvolution } from './evolution';
import { earlyWarning, type GroupProfile } from './group-health';
import type { NodeAttributes } from './input';
import { timeWindows } from './windows';

const clique = (members: number[], time: number, out: { s: number[]; t: number[]; time: number[] }) => {
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      out.s.push(members[i]!);
      out.t.push(members[j]!);
      out.time.push(time);
    }
  }
};
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const JAN = Date.UTC(2026, 0, 10);
const FEB = Date.UTC(2026, 1, 10);
const MAR = Date.UTC(2026, 2, 10);

// January: A = 0–5, B = 10–15. February: A grows to 0–7, B splits into 10–12 and 13–15, C = 40–44 is born.
// March: A contracts to 0–4, B's halves merge again, C dies.
function story() {
  const ties = { s: [] as number[], t: [] as number[], time: [] as number[] };
  clique(range(0, 5), JAN, ties);
  clique(range(10, 15), JAN, ties);
  clique(range(0, 7), FEB, ties);
  clique(range(10, 12), FEB, ties);
  clique(range(13, 15), FEB, ties);
  clique(range(40, 44), FEB, ties);
  clique(range(0, 4), MAR, ties);
  clique(range(10, 15), MAR, ties);
  return { nodes: range(0, 44).map(String), source: ties.s, target: ties.t, time: ties.time };
}

describe('time windows', () => {
  it('buckets ties by calendar month in UTC, gaps included', () => {
    const input = { nodes: ['a', 'b'], source: [0, 0, 0], target: [1, 1, 1], time: [JAN, MAR, Date.UTC(2026, 0, 31, 23, 59)] };
    const windows = timeWindows(input);
    expect(windows.map((w) => [w.label, [...w.ties]])).toEqual([['2026-01', [0, 2]], ['2026-02', []], ['2026-03', [1]]]);
  });

  it('reads days since the epoch and other periods', () => {
    const day = JAN / 86_400_000;
    const input = { nodes: ['a', 'b'], source: [0, 0], target: [1, 1], time: [day, day + 100], timeUnit: 'days' as const };
    expect(timeWindows(input, 'quarter').map((w) => w.label)).toEqual(['2026-Q1', '2026-Q2']);
    expect(timeWindows(input, 'week')[0]!.label).toBe('2026-01-05'); // the Monday before 10 January 2026
  });
});

describe('group evolution', () => {
  const result = groupEvolution(story());
  const members = (key: number) => result.groups[key]!.members;
  const events = result.events.map((e) => ({ type: e.type, window: e.window, from: e.from.map(members), to: e.to.map(members) }));

  it('finds the groups of each month', () => {
    expect(result.windows.map((w) => w.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(result.groups.filter((g) => g.window === 1).map((g) => g.members)).toEqual([range(0, 7), range(40, 44), range(10, 12), range(13, 15)]);
  });

  it('names birth, growth, split, contraction, merge and death', () => {
    expect(events).toEqual(expect.arrayContaining([
      { type: 'birth', window: 0, from: [], to: [range(0, 5)] },
      { type: 'growth', window: 1, from: [range(0, 5)], to: [range(0, 7)] },
      { type: 'split', window: 1, from: [range(10, 15)], to: [range(10, 12), range(13, 15)] },
      { type: 'birth', window: 1, from: [], to: [range(40, 44)] },
      { type: 'contraction', window: 2, from: [range(0, 7)], to: [range(0, 4)] },
      { type: 'merge', window: 2, from: [range(10, 12), range(13, 15)], to: [range(10, 15)] },
      { type: 'death', window: 2, from: [range(40, 44)], to: [] },
    ]));
    expect(events.filter((e) => e.window > 0)).toHaveLength(6);
  });

  it('follows group A through one track, alive at the end', () => {
    const track = result.tracks.find((t) => t.groups.some((k) => members(k).includes(0)))!;
    expect(track.groups.map((k) => result.groups[k]!.size)).toEqual([6, 8, 5]);
    expect(track.alive).toBe(true);
  });

  it('profiles groups from per-window attributes and flags the one that cools down', () => {
    const activity = [10, 8, 3];
    const attributes = (w: { index: number }): NodeAttributes => ({
      activity: range(0, 44).map((i) => (i <= 7 ? activity[w.index]! : 5)),
      monetary: range(0, 44).map(() => 100),
      sentiment: range(0, 44).map((i) => (i >= 10 && i <= 15 ? 0.5 - 0.4 * w.index : 0.2)),
      segment: range(0, 44).map(() => 'loyal_customers'),
    });
    const profiled = groupEvolution(story(), attributes);
    const trackOf = (node: number) => profiled.tracks.find((t) => t.groups.some((k) => profiled.groups[k]!.members.includes(node) && profiled.groups[k]!.window === 2))!;
    const a = trackOf(0);
    expect(a.groups.map((k) => profiled.groups[k]!.activity)).toEqual([60, 64, 15]);
    expect(a.groups.map((k) => profiled.groups[k]!.value)).toEqual([600, 800, 500]);
    expect(a.warning).toEqual({ flag: true, reasons: ['activity'] }); // value fell 600 → 500: 17 %, under the 20 % rule
    const last = profiled.groups[a.groups[2]!]!;
    expect(last.segmentMix).toEqual({ loyal_customers: 5 });
  });
});

describe('early warning rule', () => {
  const profile = (p: Partial<GroupProfile>): GroupProfile => ({ size: 10, value: 100, segmentMix: { champions: 10 }, sentiment: 0.3, activity: 50, ...p });

  it('stays quiet for a steady group and a single window', () => {
    expect(earlyWarning([profile({}), profile({ activity: 45 }), profile({ value: 90 })]).flag).toBe(false);
    expect(earlyWarning([profile({ activity: 0 })]).flag).toBe(false);
  });

  it('flags falling sentiment and drift to at_risk / hibernating', () => {
    const history = [profile({}), profile({ sentiment: 0.1 }), profile({ sentiment: 0.05, segmentMix: { champions: 7, at_risk: 2, hibernating: 1 } })];
    expect(earlyWarning(history)).toEqual({ flag: true, reasons: ['sentiment', 'drift'] });
  });

  it('looks only at the last windows', () => {
    const history = [profile({ activity: 500 }), profile({}), profile({}), profile({})];
    expect(earlyWarning(history).flag).toBe(false);
  });
});
