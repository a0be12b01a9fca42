import { compileSegmentMap, type ScoreRange, type SegmentMap, type SegmentRule } from '../server/analytics/rfm';
import { defineSegmentMap, resolveSegmentMap, tenantSegmentMaps, type NamedSegmentMap } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';

const bounds = (range: ScoreRange | undefined) =>
  range === undefined ? null : typeof range === 'number' ? { min: range, max: range } : { min: range[0], max: range[1] };

const ScoreRangeRef = builder.objectRef<{ min: number; max: number }>('ScoreRange').implement({
  description: 'Inclusive score range, 1–5.',
  fields: (t) => ({ min: t.exposeInt('min'), max: t.exposeInt('max') }),
});

const SegmentRuleRef = builder.objectRef<SegmentRule>('SegmentRule').implement({
  description: 'Customers whose R, F and M scores fall in these ranges (null: any score) belong to `name`.',
  fields: (t) => ({
    name: t.exposeString('name'),
    r: t.field({ type: ScoreRangeRef, nullable: true, resolve: (rule) => bounds(rule.r) }),
    f: t.field({ type: ScoreRangeRef, nullable: true, resolve: (rule) => bounds(rule.f) }),
    m: t.field({ type: ScoreRangeRef, nullable: true, resolve: (rule) => bounds(rule.m) }),
  }),
});

const SegmentMapRef = builder.objectRef<NamedSegmentMap & { segments: readonly string[] }>('SegmentMap').implement({
  description: 'Named rules from R, F, M scores to segments; the first matching rule wins. `default` is the paper\'s map.',
  fields: (t) => ({
    name: t.exposeString('name'),
    builtIn: t.exposeBoolean('builtIn'),
    segments: t.exposeStringList('segments', { description: 'Segment names in order of first appearance, the fallback last.' }),
    rules: t.field({ type: [SegmentRuleRef], resolve: (m) => [...m.map.rules] }),
    fallback: t.string({ nullable: true, resolve: (m) => m.map.fallback ?? null }),
    updatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.updatedAt }),
  }),
});

const ScoreRangeInput = builder.inputType('ScoreRangeInput', {
  fields: (t) => ({ min: t.int({ required: true }), max: t.int({ description: 'Default: min.' }) }),
});

const SegmentRuleInput = builder.inputType('SegmentRuleInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    r: t.field({ type: ScoreRangeInput, description: 'Omit for any score.' }),
    f: t.field({ type: ScoreRangeInput }),
    m: t.field({ type: ScoreRangeInput }),
  }),
});

type RangeInput = { min: number; max?: number | null } | null | undefined;
const range = (input: RangeInput): ScoreRange | undefined => (input ? [input.min, input.max ?? input.min] : undefined);

builder.queryFields((t) => ({
  segmentMaps: t.field({
    type: [SegmentMapRef],
    description: 'The built-in `default` map and the tenant\'s own.',
    resolve: (_root, _args, ctx) =>
      analytics(async () => {
        const snapshot = await snapshotOf(ctx);
        const maps = await tenantSegmentMaps(snapshot);
        return Promise.all(maps.map(async (m) => ({ ...m, segments: (await resolveSegmentMap(snapshot, m.name)).compiled.names })));
      }),
  }),
}));

builder.mutationFields((t) => ({
  defineSegmentMap: t.field({
    type: SegmentMapRef,
    description: 'Stores (or replaces) a named segment map for `rfm(segmentMap:)`; refused with reason INVALID_SEGMENT_MAP ' +
      'unless the rules, with the fallback, cover every R, F, M combination.',
    args: {
      name: t.arg.string({ required: true }),
      rules: t.arg({ type: [SegmentRuleInput], required: true }),
      fallback: t.arg.string({ description: 'Segment of customers no rule matches.' }),
    },
    resolve: (_root, args, ctx) =>
      analytics(async () => {
        const map: SegmentMap = {
          rules: args.rules.map((r) => ({ name: r.name, r: range(r.r), f: range(r.f), m: range(r.m) })),
          ...(args.fallback != null ? { fallback: args.fallback } : {}),
        };
        const saved = await defineSegmentMap(ctx.store, ctx.tenant, args.name, map);
        ctx.pubsub.publish('tenantChanged', ctx.tenant, { version: null });
        return { ...saved, segments: compileSegmentMap(saved.map).names };
      }),
  }),
}));
