import { pipe, filter, map } from 'graphql-yoga';
import { leasedStream } from '../server/auth/stream-lease';
import { builder } from './builder';
import { sharedInteraction } from './event-rows';
import { ChannelEnum, InteractionRef, SentimentEnum } from './interaction';

builder.subscriptionFields((t) => ({
  interactionAdded: t.field({
    type: InteractionRef,
    description: 'Interactions as they are added to the caller\'s tenant, by any import or mutation (Server-Sent Events).',
    args: {
      channel: t.arg({ type: ChannelEnum }),
      sentiment: t.arg({ type: SentimentEnum, description: 'The predicted label.' }),
    },
    // Ends when the credential that opened it expires or is revoked (stream-lease.ts).
    subscribe: (_root, args, ctx) =>
      leasedStream(
        pipe(
          ctx.pubsub.subscribe('interactionAdded', ctx.tenant),
          filter((e) => (!args.channel || e.channel === args.channel) && (!args.sentiment || e.sentiment === args.sentiment)),
          map((e) => e.id),
        ),
        ctx.principal,
        { owner: ctx.auth.owner },
      ),
    // One read per event for all of this instance's subscribers; the node loader is the fallback.
    resolve: async (id, _args, ctx) => (await sharedInteraction(ctx.store, ctx.tenant, id)) ?? id,
  }),
}));
