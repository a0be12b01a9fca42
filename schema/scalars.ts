import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder';
import { userError } from './errors';

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO.test(value)) {
    throw new GraphQLError(`DateTime must be an ISO 8601 string such as "2011-12-09" or "2011-12-09T12:50:00Z".`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`"${value}" is not a real date.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant as an ISO 8601 string; a bare date means midnight UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Free-form attributes as a JSON object.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request specification.',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});

/** Refuses a `from` later than its `to`, which would match nothing and look like an empty answer. */
export function checkTimeRange(args: { from?: Date | null; to?: Date | null }): void {
  if (args.from && args.to && args.from.getTime() > args.to.getTime()) {
    throw userError('BAD_USER_INPUT', '`from` must not be later than `to`.');
  }
}
