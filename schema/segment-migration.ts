import type { SegmentMigration } from '../server/analytics/rfm';
import { DEFAULT_MAP_NAME, tenantMigration } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';

interface MigrationRow {
  from: string;
  counts: number[];
  total: number;
}

interface MigrationCell {
  from: string;
  to: string;
  count: number;
}

type Migration = SegmentMigration & { segmentMap: string };

const SegmentMigrationRow = builder.objectRef<MigrationRow>('SegmentMigrationRow').implement({
  fields: (t) => ({
    from: t.exposeString('from', { description: 'The segment at `from`, or `new` for customers with no order before it.' }),
    counts: t.exposeIntList('counts', { description: 'counts[j]: of these, customers in segments[j] at `to`.' }),
    total: t.exposeInt('total'),
  }),
});

const SegmentMove = builder.objectRef<MigrationCell>('SegmentMove').implement({
  fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to'), count: t.exposeInt('count') }),
});

const SegmentMigrationRef = builder.objectRef<Migration>('SegmentMigration').implement({
  description: 'Customers moving between RFM segments: each date scored on its own, as a report run that day would be.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.from }),
    to: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.to }),
    segmentMap: t.exposeString('segmentMap'),
    segments: t.exposeStringList('segments', { description: 'The columns: segments at `to`.' }),
    rows: t.field({
      type: [SegmentMigrationRow],
      description: 'One per segment at `from`, then `new`.',
      resolve: (m) => m.rows.map((from, i) => ({ from, counts: m.counts[i]!, total: m.rowTotals[i]! })),
    }),
    columnTotals: t.exposeIntList('columnTotals', { description: 'Segment sizes at `to`.' }),
    total: t.exposeInt('total', { description: 'Customers scored at `to`.' }),
    moves: t.field({
      type: [SegmentMove],
      description: 'The non-zero cells, largest first (customers who stayed included).',
      resolve: (m) =>
        m.rows
          .flatMap((from, i) => m.columns.map((to, j) => ({ from, to, count: m.counts[i]![j]! })))
          .filter((cell) => cell.count > 0)
          .sort((a, b) => b.count - a.count),
    }),
  }),
});

builder.queryFields((t) => ({
  segmentMigration: t.field({
    type: SegmentMigrationRef,
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
      segmentMap: t.arg.string({ description: 'Default: `default`, the paper\'s map.' }),
    },
    resolve: (_root, args, ctx) =>
      analytics(async () => {
        const snapshot = await snapshotOf(ctx);
        const matrix = await tenantMigration(snapshot, args);
        return { ...matrix, segmentMap: args.segmentMap ?? DEFAULT_MAP_NAME };
      }),
  }),
}));
