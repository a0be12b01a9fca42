/**
 * The parts of `communityEvolution` (evolution.ts): windows, tracked groups per window, life-cycle events and the
 * early-warning flag, over the engine's EvolutionResult (../server/analytics/network/evolution.ts).
 */
import type { GroupSnapshot, GroupTrack, LifeCycleEvent } from '../server/analytics/network';
import type { TenantEvolution } from '../server/analytics-service';
import { builder } from './builder';
import { CustomerRef } from './customer';
import { SegmentShareRef, segmentShares } from './segment-share';

export const EventTypeEnum = builder.enumType('LifeCycleEventType', {
  values: ['BIRTH', 'DEATH', 'GROWTH', 'CONTRACTION', 'CONTINUATION', 'MERGE', 'SPLIT'] as const,
});

type Window = TenantEvolution['result']['windows'][number];
export interface EventShape { evolution: TenantEvolution; event: LifeCycleEvent }
interface SnapshotShape { evolution: TenantEvolution; group: GroupSnapshot }
export interface TrackShape { evolution: TenantEvolution; track: GroupTrack }

const trackIds = (evolution: TenantEvolution, keys: readonly number[]) => keys.map((k) => String(evolution.result.groups[k]!.track));

export const WindowRef = builder.objectRef<Window>('EvolutionWindow').implement({
  fields: (t) => ({
    index: t.exposeInt('index'),
    label: t.exposeString('label', { description: '`2026-03`, `2026-Q1` or `2026`.' }),
    start: t.field({ type: 'DateTime', resolve: (w) => new Date(w.start) }),
    end: t.field({ type: 'DateTime', description: 'Exclusive.', resolve: (w) => new Date(w.end) }),
    ties: t.exposeInt('ties', { description: 'Ties alive in the window.' }),
    modularity: t.exposeFloat('modularity'),
  }),
});

export const EventRef = builder.objectRef<EventShape>('LifeCycleEvent').implement({
  fields: (t) => ({
    type: t.field({ type: EventTypeEnum, resolve: (e) => e.event.type.toUpperCase() as typeof EventTypeEnum.$inferType }),
    window: t.int({ description: 'Index of the window where the change is seen.', resolve: (e) => e.event.window }),
    label: t.string({ resolve: (e) => e.evolution.result.windows[e.event.window]!.label }),
    from: t.idList({ description: 'Tracks of the groups in the window before.', resolve: (e) => trackIds(e.evolution, e.event.from) }),
    to: t.idList({ description: 'Tracks of the groups in this window.', resolve: (e) => trackIds(e.evolution, e.event.to) }),
  }),
});

const SnapshotRef = builder.objectRef<SnapshotShape>('GroupSnapshot').implement({
  description: 'A tracked group in one window; value, activity and sentiment are the window\'s own.',
  fields: (t) => ({
    window: t.int({ resolve: (s) => s.group.window }),
    label: t.string({ resolve: (s) => s.evolution.result.windows[s.group.window]!.label }),
    size: t.int({ description: 'Members with a tie alive in the window.', resolve: (s) => s.group.size }),
    value: t.float({ description: 'Σ the members\' order value in the window.', resolve: (s) => s.group.value }),
    activity: t.float({ description: 'Σ the members\' interactions in the window.', resolve: (s) => s.group.activity }),
    sentiment: t.float({ description: 'Mean net sentiment of the members\' interactions in the window.', resolve: (s) => s.group.sentiment }),
    segmentMix: t.field({
      type: [SegmentShareRef],
      description: 'Members per RFM segment as of the window\'s end.',
      resolve: ({ group }) => segmentShares(group.segmentMix, group.size),
    }),
    members: t.field({
      type: [CustomerRef],
      args: { first: t.arg.int({ defaultValue: 20 }) },
      resolve: (s, args) =>
        s.group.members.slice(0, Math.min(500, Math.max(0, args.first ?? 20))).map((node) => s.evolution.network.customerIds[node]!),
    }),
  }),
});

const WarningRef = builder.objectRef<GroupTrack['warning']>('GroupWarning').implement({
  description: 'Early warning of group churn over the track\'s last 3 windows (docs/network.md).',
  fields: (t) => ({
    flagged: t.boolean({ resolve: (w) => w.flag }),
    reasons: t.stringList({ description: '`activity`, `value`, `sentiment`, `drift`.', resolve: (w) => [...w.reasons] }),
  }),
});

export const TrackRef = builder.objectRef<TrackShape>('GroupTrack').implement({
  description: 'One group followed through its one-to-one continuations across windows.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => String(s.track.track) }),
    alive: t.boolean({ description: 'Present in the last window.', resolve: (s) => s.track.alive }),
    snapshots: t.field({
      type: [SnapshotRef],
      resolve: ({ evolution, track }) => track.groups.map((k) => ({ evolution, group: evolution.result.groups[k]! })),
    }),
    events: t.field({
      type: [EventRef],
      description: 'Events touching the track: its birth, growth, splits, merges, death…',
      resolve: ({ evolution, track }) => {
        const mine = new Set(track.groups);
        return evolution.result.events
          .filter((e) => e.from.some((k) => mine.has(k)) || e.to.some((k) => mine.has(k)))
          .map((event) => ({ evolution, event }));
      },
    }),
    warning: t.field({ type: WarningRef, resolve: (s) => s.track.warning }),
  }),
});

