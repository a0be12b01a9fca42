import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * graphql-js reports a bad request (a variable of the wrong type, a missing required field) without a code, and so
 * does Pothos for an argument it cannot parse (a malformed global id). Clients branch on `extensions.code`, so
 * such errors get `BAD_USER_INPUT`. Masked errors already carry INTERNAL_SERVER_ERROR, and coded ones keep theirs.
 */
export function useErrorCodes(): Plugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || isAsyncIterable(result) || !result.errors?.some(uncoded)) return;
      setResult({
        ...result,
        errors: result.errors.map((e) =>
          uncoded(e) ? new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }) : e,
        ),
      });
    },
  };
}

const uncoded = (e: GraphQLError) => !e.extensions?.code;
