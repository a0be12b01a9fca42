import type { GraphQLError } from 'graphql';
import { leasedStream } from '../server/auth/stream-lease';
import { streamOverflowsTotal } from '../server/observability/metrics';
import { STREAM_BACKLOG } from '../server/live-bus';
import { builder } from './builder';
import type { AddedInteraction, Context } from './context';
import { userError } from './errors';
import { sharedInteraction } from './event-rows';
import { ChannelEnum, InteractionRef, SentimentEnum } from './interaction';

interface Filters {
  channel?: string | null;
  sentiment?: string | null;
}

builder.subscriptionFields((t) => ({
  interactionAdded: t.field({
    type: InteractionRef,
    description: 'Interactions as they are added to the caller\'s tenant, by any import or mutation (Server-Sent Events), '
      + `in the order they were written. A stream that falls more than ${STREAM_BACKLOG.toLocaleString('en')} interactions `
      + 'behind (a very large import, or a client that reads too slowly) ends with a `STREAM_OVERFLOW` error after the last '
      + 'interaction it delivered; its `extensions.resumeAfter` is the sequence to pass to `interactions(addedAfter:)` to read '
      + 'the rest before subscribing again.',
    args: {
      channel: t.arg({ type: ChannelEnum }),
      sentiment: t.arg({ type: SentimentEnum, description: 'The predicted label.' }),
    },
    // Ends when the credential that opened it expires or is revoked (stream-lease.ts).
    subscribe: (_root, args, ctx) => leasedStream(addedIds(ctx, args), ctx.principal, { owner: ctx.auth.owner }),
    // One read per event for all of this instance's subscribers; the node loader is the fallback.
    resolve: async (id, _args, ctx) => (await sharedInteraction(ctx.store, ctx.tenant, id)) ?? id,
  }),
}));

/** The error a stream that fell too far behind ends with: where to resume, so nothing is silently lost. */
export function streamOverflow(dropped: AddedInteraction[]): GraphQLError {
  streamOverflowsTotal.inc();
  const first = dropped.reduce((min, i) => Math.min(min, i.sequence), Number.POSITIVE_INFINITY);
  const resumeAfter = String(Number.isFinite(first) ? first - 1 : 0);
  return userError(
    'STREAM_OVERFLOW',
    'This stream fell too far behind the interactions written to its tenant and is closed; all before them were delivered. '
      + `Read the rest with interactions(addedAfter: "${resumeAfter}"), then subscribe again.`,
    { resumeAfter },
  );
}

/**
 * The ids of the tenant's new interactions that pass the filters, one by one, taken from the batches writes announce
 * (server/ingest/announce.ts). The rows of a batch are read together for every subscriber of the instance. `return()`
 * reaches the bus at once, even while a read waits for the next batch, so a closed stream stops listening.
 */
function addedIds(ctx: Context, args: Filters): AsyncIterableIterator<number> {
  const source = ctx.pubsub.subscribe('interactionsAdded', ctx.tenant, {
    sizeOf: (e) => e.interactions.length,
    onOverflow: (e) => streamOverflow(e.interactions),
  });
  let pending: number[] = [];
  return {
    async next(): Promise<IteratorResult<number>> {
      while (!pending.length) {
        const batch = await source.next();
        if (batch.done) return { value: undefined, done: true };
        pending = batch.value.interactions
          .filter((e) => (!args.channel || e.channel === args.channel) && (!args.sentiment || e.sentiment === args.sentiment))
          .map((e) => e.id);
        for (const id of pending) void sharedInteraction(ctx.store, ctx.tenant, id).catch(() => {});
      }
      return { value: pending.shift()!, done: false };
    },
    async return(): Promise<IteratorResult<number>> {
      pending = [];
      await source.return!();
      return { value: undefined, done: true };
    },
    async throw(err: unknown): Promise<IteratorResult<number>> {
      pending = [];
      await source.return!();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
