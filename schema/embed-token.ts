import { MintError, mintEmbedToken } from '../server/auth/mint-token';
import { MAX_TOKEN_TTL_SECONDS } from '../server/auth/tokens';
import { builder } from './builder';
import { userError } from './errors';

interface MintedToken {
  token: string;
  expiresAt: Date;
}

const EmbedToken = builder.objectRef<MintedToken>('EmbedToken').implement({
  description: 'A short-lived, read-only credential for widgets in a browser; send it as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.field({ type: 'DateTime', resolve: (m) => m.expiresAt }),
  }),
});

builder.mutationFields((t) => ({
  createEmbedToken: t.field({
    type: EmbedToken,
    description:
      `Exchanges an API key for an embed token (JWT, read-only, at most ${MAX_TOKEN_TTL_SECONDS / 60} minutes) bound to this ` +
      'tenant and optionally to one allowed origin and some customers. Call it from your backend, never from a browser.',
    args: {
      origin: t.arg.string({ description: "The page's origin (one of the tenant's allowed origins); the token works from it only." }),
      customers: t.arg.idList({ description: 'Customer ids the token may look at; all when omitted.' }),
      operations: t.arg.stringList({
        description:
          'Names of the embed operations the token may run (`RapportFeed`, `RapportEgo`, `Customer`, …; docs/security.md); all when omitted. ' +
          "Mint a token per widget with only that widget's operations.",
      }),
      ttlSeconds: t.arg.int({ description: `Lifetime, 1–${MAX_TOKEN_TTL_SECONDS} seconds. Default ${MAX_TOKEN_TTL_SECONDS}.` }),
    },
    resolve: async (_root, args, ctx) => {
      if (ctx.principal.kind === 'token') throw userError('FORBIDDEN', 'Embed tokens cannot mint embed tokens; use an API key.');
      try {
        return await mintEmbedToken(ctx.auth.owner, ctx.store, await ctx.auth.secret(), {
          tenant: ctx.tenant,
          keyId: ctx.principal.keyId,
          origin: args.origin,
          customers: args.customers?.map(String),
          operations: args.operations,
          ttlSeconds: args.ttlSeconds,
        });
      } catch (err) {
        if (err instanceof MintError) throw userError('BAD_USER_INPUT', err.message);
        throw err;
      }
    },
  }),
}));
