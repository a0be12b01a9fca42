import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { CHANNELS, SENTIMENTS } from '../server/ingest/types';
import {
  interactionCount,
  interactionPage,
  interactionsByIds,
  type InteractionKey,
  type InteractionRow,
} from '../server/store/queries/interactions';
import { builder } from './builder';
import { CustomerRef, parseCustomerId } from './customer';
import { userError } from './errors';
import { checkPageArgs, decodeCursor, encodeCursor, pageOptions } from './paging';

export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
export const SentimentEnum = builder.enumType('Sentiment', { values: SENTIMENTS });
export const DirectionEnum = builder.enumType('Direction', { values: ['inbound', 'outbound'] as const });

interface Probabilities {
  positive: number;
  neutral: number;
  negative: number;
}

export const ProbabilitiesRef = builder.objectRef<Probabilities>('SentimentProbabilities').implement({
  fields: (t) => ({
    positive: t.exposeFloat('positive'),
    neutral: t.exposeFloat('neutral'),
    negative: t.exposeFloat('negative'),
  }),
});

const PredictionRef = builder.objectRef<InteractionRow>('SentimentPrediction').implement({
  description: 'What the sentiment model said about the text.',
  fields: (t) => ({
    label: t.field({ type: SentimentEnum, resolve: (i) => i.predicted_label as (typeof SENTIMENTS)[number] }),
    probabilities: t.field({
      type: ProbabilitiesRef,
      resolve: (i) => ({ positive: i.p_positive ?? 0, neutral: i.p_neutral ?? 0, negative: i.p_negative ?? 0 }),
    }),
    modelId: t.string({ resolve: (i) => i.model_id ?? 'unknown' }),
  }),
});

export const InteractionRef = builder.loadableNode('Interaction', {
  description: 'A customer text: a tweet, an email, a chat, a call or meeting note, a review.',
  id: { resolve: (i: InteractionRow) => i.id, parse: (id) => (/^\d{1,15}$/.test(id) ? Number(id) : 0) },
  load: (ids: number[], ctx) => interactionsByIds(ctx.store, ctx.tenant, ids),
  sort: (i) => i.id,
  fields: (t) => ({
    externalId: t.exposeString('external_id'),
    channel: t.field({ type: ChannelEnum, resolve: (i) => i.channel as (typeof CHANNELS)[number] }),
    direction: t.field({ type: DirectionEnum, nullable: true, resolve: (i) => i.direction as 'inbound' | 'outbound' | null }),
    occurredAt: t.field({ type: 'DateTime', resolve: (i) => i.occurred_at }),
    text: t.exposeString('text', { description: 'Untrusted text as the customer wrote it: render it as text, never as HTML.' }),
    author: t.exposeString('author', { nullable: true }),
    customer: t.field({ type: CustomerRef, nullable: true, resolve: (i) => i.customer_id }),
    goldLabel: t.field({
      type: SentimentEnum,
      nullable: true,
      description: 'A human label that came with the data, if any.',
      resolve: (i) => i.gold_label as (typeof SENTIMENTS)[number] | null,
    }),
    sentiment: t.field({
      type: PredictionRef,
      nullable: true,
      description: 'The model\'s prediction; null until the interaction is classified.',
      resolve: (i) => (i.predicted_label ? i : null),
    }),
  }),
});

const isKey = (value: unknown): value is [string, number] =>
  Array.isArray(value) && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && Number.isSafeInteger(value[1]);

const toKey = (cursor: string): InteractionKey => {
  const [at, id] = decodeCursor(cursor, isKey);
  return { at: new Date(at), id };
};

builder.queryFields((t) => ({
  interactions: t.connection({
    type: InteractionRef,
    description: 'Interactions, newest first.',
    args: {
      channel: t.arg({ type: ChannelEnum }),
      sentiment: t.arg({ type: SentimentEnum, description: 'The predicted label.' }),
      customer: t.arg.globalID({ description: 'Only this customer\'s interactions.' }),
      from: t.arg({ type: 'DateTime', description: 'Inclusive.' }),
      to: t.arg({ type: 'DateTime', description: 'Exclusive.' }),
    },
    resolve: async (_root, args, ctx) => {
      checkPageArgs(args);
      if (args.customer && args.customer.typename !== 'Customer') {
        throw userError('BAD_USER_INPUT', '`customer` must be the id of a Customer.');
      }
      const filter = {
        channel: args.channel,
        sentiment: args.sentiment,
        customerId: args.customer ? parseCustomerId(args.customer.id) : null,
        from: args.from,
        to: args.to,
      };
      const connection = await resolveCursorConnection(
        { args, toCursor: (i: InteractionRow) => encodeCursor([i.occurred_at.toISOString(), i.id]), ...pageOptions },
        ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) =>
          interactionPage(ctx.store, ctx.tenant, filter, {
            after: after === undefined ? undefined : toKey(after),
            before: before === undefined ? undefined : toKey(before),
            limit,
            inverted,
          }),
      );
      return { ...connection, totalCount: () => interactionCount(ctx.store, ctx.tenant, filter) };
    },
  }),
}));
