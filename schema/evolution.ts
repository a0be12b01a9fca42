/**
 * `communityEvolution(period)`: communities found per time window, matched across windows into tracks, with their
 * life-cycle events and early warning (../server/analytics-service/tenant-evolution.ts, docs/network.md).
 */
import { tenantEvolution, type EvolutionPeriod, type TenantEvolution } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { EventRef, EventTypeEnum, TrackRef, WindowRef } from './evolution-parts';

const PeriodEnum = builder.enumType('EvolutionPeriod', { values: ['MONTH', 'QUARTER', 'YEAR'] as const });

const EvolutionRef = builder.objectRef<TenantEvolution>('CommunityEvolution').implement({
  fields: (t) => ({
    period: t.field({ type: PeriodEnum, resolve: (e) => e.period.toUpperCase() as typeof PeriodEnum.$inferType }),
    windows: t.field({ type: [WindowRef], resolve: (e) => e.result.windows }),
    tracks: t.field({
      type: [TrackRef],
      args: { minWindows: t.arg.int({ defaultValue: 1, description: 'Only tracks seen in at least this many windows.' }) },
      resolve: (evolution, args) =>
        evolution.result.tracks.filter((tr) => tr.groups.length >= (args.minWindows ?? 1)).map((track) => ({ evolution, track })),
    }),
    events: t.field({
      type: [EventRef],
      description: 'All events in window order, continuations left out unless asked for.',
      args: { types: t.arg({ type: [EventTypeEnum] }) },
      resolve: (evolution, args) => {
        const wanted = args.types?.map((x) => x.toLowerCase()) ?? null;
        return evolution.result.events
          .filter((e) => (wanted ? wanted.includes(e.type) : e.type !== 'continuation'))
          .map((event) => ({ evolution, event }));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  communityEvolution: t.field({
    type: EvolutionRef,
    description: 'Communities per time window (ties stamped in every period they were alive), tracked across windows.',
    args: { period: t.arg({ type: PeriodEnum, defaultValue: 'MONTH' }) },
    resolve: (_root, args, ctx) =>
      analytics(async () => tenantEvolution(await snapshotOf(ctx), (args.period ?? 'MONTH').toLowerCase() as EvolutionPeriod)),
  }),
}));
