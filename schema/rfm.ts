import type { SegmentSummary, Stats } from '../server/analytics/rfm';
import { customerRfm, tenantRfm, type CustomerRfm, type TenantRfm } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import { CustomerRef } from './customer';
import { roundCents } from '../server/ingest/readers/values';

const RfmStats = builder.objectRef<Stats>('RfmStats').implement({
  description: 'Within a segment: min, max, mean and sample standard deviation (null for one customer; all null when empty).',
  fields: (t) => ({
    min: t.exposeFloat('min', { nullable: true }),
    max: t.exposeFloat('max', { nullable: true }),
    mean: t.exposeFloat('mean', { nullable: true }),
    std: t.exposeFloat('std', { nullable: true }),
  }),
});

const RfmSegment = builder.objectRef<SegmentSummary>('RfmSegment').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    customerCount: t.exposeInt('customerCount'),
    share: t.exposeFloat('share', { description: 'customerCount / all scored customers (0 when none).' }),
    recency: t.field({ type: RfmStats, description: 'Whole days since the last order.', resolve: (s) => s.recency }),
    frequency: t.field({ type: RfmStats, description: 'Distinct invoices.', resolve: (s) => s.frequency }),
    monetary: t.field({ type: RfmStats, description: 'Σ quantity × unit price.', resolve: (s) => s.monetary }),
  }),
});

const RfmSummary = builder.objectRef<TenantRfm>('RfmSummary').implement({
  description: 'RFM segments of the tenant\'s customers (docs/analytics.md has the definitions).',
  fields: (t) => ({
    asOf: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The instant recency is measured to: asOf, or the latest order + 1 day; null when nothing is scored.',
      resolve: (r) => r.result.asOf,
    }),
    customerCount: t.int({ description: 'Customers with a counted order before asOf.', resolve: (r) => r.result.customerCount }),
    segmentMap: t.string({ resolve: (r) => r.segmentMap.name }),
    segments: t.field({
      type: [RfmSegment],
      description: 'Every segment of the map in its order, empty ones included.',
      resolve: (r) => r.result.segments,
    }),
  }),
});

const CustomerRfmRef = builder.objectRef<CustomerRfm>('CustomerRfm').implement({
  fields: (t) => ({
    recency: t.exposeInt('recency', { description: 'Whole days from the last order to the reference instant.' }),
    frequency: t.exposeInt('frequency', { description: 'Distinct invoices.' }),
    monetary: t.float({
      description: 'Σ quantity × unit price, in cents as the amounts are.',
      // The engine sums float amounts (1871.3400000000001); the amounts are whole cents, so is their sum.
      resolve: (c) => roundCents(c.monetary),
    }),
    r: t.exposeInt('r', { description: 'Recency quintile, 5 = most recent.' }),
    f: t.exposeInt('f'),
    m: t.exposeInt('m'),
    segment: t.exposeString('segment'),
  }),
});

builder.queryFields((t) => ({
  rfm: t.field({
    type: RfmSummary,
    args: {
      asOf: t.arg({ type: 'DateTime', description: 'Score as of this instant: only orders on earlier UTC days count.' }),
      segmentMap: t.arg.string({ description: 'A map defined with `defineSegmentMap`. Default: `default`, the paper\'s map.' }),
    },
    resolve: (_root, args, ctx) => analytics(async () => tenantRfm(await snapshotOf(ctx), args)),
  }),
}));

builder.objectField(CustomerRef, 'rfm', (t) =>
  t.field({
    type: CustomerRfmRef,
    nullable: true,
    description: 'The customer\'s scores within the tenant\'s RFM result; null without a counted order (before asOf).',
    args: {
      asOf: t.arg({ type: 'DateTime' }),
      segmentMap: t.arg.string(),
    },
    resolve: (customer, args, ctx) => analytics(async () => customerRfm(await tenantRfm(await snapshotOf(ctx), args), customer.id)),
  }),
);
