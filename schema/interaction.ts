import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { CHANNELS, SENTIMENTS } from '../server/ingest/types';
import { lastSequenceOf } from '../server/store/queries/interaction-sequence';
import {
  interactionCount,
  interactionPage,
  interactionsByIds,
  type InteractionKey,
  type InteractionRow,
} from '../server/store/queries/interactions';
import { builder } from './builder';
import type { Context } from './context';
import { CustomerRef, parseCustomerId } from './customer';
import { userError } from './errors';
import { checkPageArgs, decodeCursor, emptyPageCursors, encodeCursor, pageOptions } from './paging';
import { checkTimeRange } from './scalars';

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
      description:
        'The probability of each class, as the model named by `modelId` gave it when the text was imported. The ' +
        'models are calibrated on validation data (temperature scaling): on texts like their training data, a label ' +
        'given with 0.8 is right about 80 % of the time. A prediction stored before a model was recalibrated keeps ' +
        'the probabilities it was stored with until `rapport reclassify` classifies the text again.',
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
    sequence: t.string({
      description: 'Ingestion order in the tenant, a decimal integer: an interaction written later has a larger one, whatever its `occurredAt`.',
      resolve: (i) => String(i.sequence),
    }),
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

/** A cursor is [occurredAt, the interaction's global id]. */
const keyOf = (ctx: Context, value: unknown): InteractionKey | undefined => {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || Number.isNaN(Date.parse(value[0]))) return undefined;
  const id = ctx.ids.storeId('Interaction', value[1]);
  return id ? { at: new Date(value[0]), id } : undefined;
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
      addedAfter: t.arg.string({
        description: 'Only interactions written after the one with this `sequence` (or a `lastSequence`), whatever their `occurredAt`: ' +
          'what a client that lost its subscription missed.',
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      checkPageArgs(args);
      checkTimeRange(args);
      if (args.customer && args.customer.typename !== 'Customer') {
        throw userError('BAD_USER_INPUT', '`customer` must be the id of a Customer.');
      }
      const filter = {
        channel: args.channel,
        sentiment: args.sentiment,
        customerId: args.customer ? parseCustomerId(args.customer.id) : null,
        from: args.from,
        to: args.to,
        addedAfter: args.addedAfter == null ? null : parseSequence(args.addedAfter),
      };
      // Read before the page, so whatever the page misses is written after it: `addedAfter: lastSequence` finds it.
      const lastSequence = selectsField(info, 'lastSequence') ? String(await lastSequenceOf(ctx.store, ctx.tenant)) : undefined;
      const connection = await resolveCursorConnection(
        { args, toCursor: (i: InteractionRow) => encodeCursor([i.occurred_at.toISOString(), ctx.ids.encode('Interaction', i.id)]), ...pageOptions },
        async ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
          const rows = await interactionPage(ctx.store, ctx.tenant, filter, {
            after: after === undefined ? undefined : decodeCursor(after, (v) => keyOf(ctx, v)),
            before: before === undefined ? undefined : decodeCursor(before, (v) => keyOf(ctx, v)),
            limit,
            inverted,
          });
          ctx.ids.prime('Interaction', rows.map((i) => i.id));
          ctx.ids.prime('Customer', rows.map((i) => i.customer_id));
          return rows;
        },
      );
      return { ...emptyPageCursors(connection), totalCount: () => interactionCount(ctx.store, ctx.tenant, filter), lastSequence };
    },
  }, {
    fields: (t) => ({
      lastSequence: t.string({
        description: 'The tenant\'s latest `sequence` ("0" for none), read before the page (filters aside): pass it as `addedAfter` to get ' +
          'exactly what was written since.',
        resolve: async (c, _args, ctx) =>
          (c as { lastSequence?: string }).lastSequence ?? String(await lastSequenceOf(ctx.store, ctx.tenant)),
      }),
    }),
  }),
}));

function parseSequence(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw userError('BAD_USER_INPUT', `"${value}" is not a sequence (a decimal integer from \`Interaction.sequence\`).`);
  return Number(value);
}

function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((f) => f.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === name));
}
