import { UnknownModelError } from '../server/sentiment/model-registry';
import {
  sentimentByGroup,
  sentimentOfCustomers,
  type CustomerSentimentRow,
  type SentimentFilter,
  type SentimentGroupRow,
} from '../server/store/queries/sentiment';
import type { Prediction } from '../models/inference/node';
import { customerRfm, tenantRfm } from '../server/analytics-service';
import { analytics, snapshotOf } from './analytics';
import { builder } from './builder';
import type { Context } from './context';
import { CustomerRef } from './customer';
import { userError } from './errors';
import { ChannelEnum, ProbabilitiesRef, SentimentEnum } from './interaction';
import { checkTimeRange } from './scalars';
import { recordClassify } from '../server/observability/metrics';

/** Most texts one `classify` call takes, and the longest text (1 MB); models read a bounded prefix anyway. */
export const MAX_CLASSIFY_TEXTS = 1000;
export const MAX_CLASSIFY_CHARS = 1_000_000;
/**
 * Tighter limits for `quality`, which costs up to about 30 times the default per text (a cascade: a call of texts the
 * default is unsure of all go through its whole graph, 210–320 texts/s), and an explanation by occlusion one run per
 * token: so one call stays near a second of one core at worst, as with the other models.
 */
const CLASSIFY_LIMITS: Readonly<Record<string, { texts: number; explained: number }>> = {
  quality: { texts: 200, explained: 20 },
};

/** What `classify`'s probabilities mean. */
const CALIBRATED_PROBABILITIES =
  "The model's probability of each class, calibrated on validation data (temperature scaling): on texts like its " +
  'training data, a label given with 0.8 is right about 80 % of the time. The label is the most probable class.';

const TokenWeight = builder.objectRef<{ token: string; weight: number }>('TokenWeight').implement({
  fields: (t) => ({ token: t.exposeString('token'), weight: t.exposeFloat('weight') }),
});

const Classification = builder.objectRef<Prediction & { modelId: string }>('Classification').implement({
  description: 'A sentiment prediction for one text.',
  fields: (t) => ({
    label: t.field({ type: SentimentEnum, resolve: (p) => p.label }),
    probabilities: t.field({ type: ProbabilitiesRef, description: CALIBRATED_PROBABILITIES, resolve: (p) => p.probabilities }),
    modelId: t.exposeString('modelId'),
    explanation: t.field({
      type: [TokenWeight],
      nullable: true,
      description: 'Per-token weights (attention, or the change when the token is left out); asked for with `explain`.',
      resolve: (p) => p.explanation ?? null,
    }),
  }),
});

builder.queryField('classify', (t) =>
  t.field({
    type: [Classification],
    description: 'Classifies texts as positive / neutral / negative with a shipped model (default: see models/default.json).',
    args: {
      texts: t.arg.stringList({ required: true }),
      model: t.arg.string({ description: 'A shipped model: ensemble (the default), linear, fast, cnn-bilstm, bilstm-cnn-attention, or quality (the most accurate; 9 to 12 times slower).' }),
      explain: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_root, args, ctx) => {
      if (!ctx.models) throw userError('NOT_FOUND', 'This server has no sentiment model loaded.');
      if (args.texts.length > MAX_CLASSIFY_TEXTS) {
        throw userError('BATCH_TOO_LARGE', `classify takes at most ${MAX_CLASSIFY_TEXTS} texts; this call has ${args.texts.length}.`);
      }
      const long = args.texts.findIndex((text) => text.length > MAX_CLASSIFY_CHARS);
      if (long >= 0) throw userError('BAD_USER_INPUT', `Text ${long + 1} is longer than ${MAX_CLASSIFY_CHARS} characters.`);
      const model = await ctx.models.get(args.model).catch((err: unknown) => {
        throw err instanceof UnknownModelError ? userError('BAD_USER_INPUT', err.message) : err;
      });
      const limit = CLASSIFY_LIMITS[model.id];
      const most = limit && (args.explain ? limit.explained : limit.texts);
      if (most && args.texts.length > most) {
        throw userError('BATCH_TOO_LARGE',
          `classify with model ${model.id} takes at most ${most} texts${args.explain ? ' to explain' : ''}; this call has ${args.texts.length}.`);
      }
      ctx.work.classify(args.texts.length, model.id, args.explain ?? false);
      recordClassify('query', args.texts.length);
      const predictions = await model.classify(args.texts, { explain: args.explain ?? false });
      return predictions.map((p) => ({ ...p, modelId: model.id }));
    },
  }),
);

const GroupBy = builder.enumType('SentimentGroupBy', { values: ['DAY', 'WEEK', 'MONTH', 'CHANNEL', 'CUSTOMER', 'SEGMENT'] as const });

interface Group extends SentimentGroupRow {
  groupBy: string;
}

const net = (g: { positive: number; negative: number; neutral: number }) => {
  const n = g.positive + g.neutral + g.negative;
  return n ? (g.positive - g.negative) / n : null;
};

const SentimentGroup = builder.objectRef<Group>('SentimentGroup').implement({
  description: 'Predicted labels of one group. Net sentiment = (positive − negative) / classified.',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'Period start (YYYY-MM-DD), channel, RFM segment (`unscored` without orders), or customer id (use `customer`).',
    }),
    customer: t.field({
      type: CustomerRef,
      nullable: true,
      resolve: (g) => (g.groupBy === 'CUSTOMER' ? Number(g.key) : null),
    }),
    count: t.int({ resolve: (g) => g.positive + g.neutral + g.negative + g.unclassified }),
    positive: t.exposeInt('positive'),
    neutral: t.exposeInt('neutral'),
    negative: t.exposeInt('negative'),
    unclassified: t.exposeInt('unclassified'),
    share: t.field({
      type: ProbabilitiesRef,
      resolve: (g) => {
        const n = g.positive + g.neutral + g.negative || 1;
        return { positive: g.positive / n, neutral: g.neutral / n, negative: g.negative / n };
      },
    }),
    net: t.float({ nullable: true, resolve: net }),
  }),
});

builder.queryField('sentimentSummary', (t) =>
  t.field({
    type: [SentimentGroup],
    description: 'Counts, shares and net sentiment of interactions, grouped by period, channel or customer.',
    args: {
      groupBy: t.arg({ type: GroupBy, required: true }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      channel: t.arg({ type: ChannelEnum }),
    },
    resolve: async (_root, args, ctx) => {
      checkTimeRange(args);
      if (args.groupBy === 'SEGMENT') return bySegment(ctx, args);
      const rows = await sentimentByGroup(ctx.store, ctx.tenant, args.groupBy, args);
      return rows.map((r) => ({ ...r, groupBy: args.groupBy }));
    },
  }),
);

/** Per-customer counts folded into the customers' current RFM segments (default map). */
async function bySegment(ctx: Context, filter: SentimentFilter): Promise<Group[]> {
  const [rows, rfm] = await Promise.all([
    sentimentByGroup(ctx.store, ctx.tenant, 'CUSTOMER', filter),
    analytics(async () => tenantRfm(await snapshotOf(ctx))),
  ]);
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = customerRfm(rfm, Number(row.key))?.segment ?? 'unscored';
    const g = groups.get(key) ?? { key, groupBy: 'SEGMENT', positive: 0, neutral: 0, negative: 0, unclassified: 0 };
    g.positive += row.positive;
    g.neutral += row.neutral;
    g.negative += row.negative;
    g.unclassified += row.unclassified;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const CustomerSentiment = builder.objectRef<CustomerSentimentRow>('CustomerSentiment').implement({
  description: 'The customer\'s classified interactions: net sentiment overall and its trend.',
  fields: (t) => ({
    net: t.float({ nullable: true, resolve: net }),
    positive: t.exposeInt('positive'),
    neutral: t.exposeInt('neutral'),
    negative: t.exposeInt('negative'),
    trend: t.float({
      nullable: true,
      description: 'Net sentiment of the last 90 days of interactions minus that of the 90 days before; null without both.',
      resolve: (s) => (s.recent_net == null || s.prior_net == null ? null : s.recent_net - s.prior_net),
    }),
    lastInteractionAt: t.field({ type: 'DateTime', resolve: (s) => s.last_at }),
  }),
});

builder.objectField(CustomerRef, 'sentiment', (t) =>
  t.loadable({
    type: CustomerSentiment,
    nullable: true,
    description: 'Null until the customer has a classified interaction.',
    load: (ids: number[], ctx) => sentimentOfCustomers(ctx.store, ctx.tenant, ids),
    sort: (s) => s.customer_id,
    resolve: (c) => c.id,
  }),
);
