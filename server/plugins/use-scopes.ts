import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authError } from '../auth/auth-error';
import type { Principal } from '../auth/credentials';

/** Mutations a read-only key may run: they read and mint, they do not change the tenant's data. */
const READ_MUTATIONS = new Set(['createEmbedToken']);

/**
 * Read keys and embed tokens may not change data: a mutation with any field outside READ_MUTATIONS needs a
 * `write` key. Checked on the operation before any resolver runs, so no schema file has to remember it.
 */
export function useScopes(): Plugin<{ principal: Principal }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const principal = args.contextValue.principal;
      if (principal.scope === 'write') return;
      const fields = mutationFields(args.document, args.operationName);
      const writes = fields.filter((f) => !READ_MUTATIONS.has(f));
      if (!writes.length) return;
      const what = principal.kind === 'token' ? 'Embed tokens are read-only' : 'This API key has the read scope';
      setResultAndStopExecution({
        errors: [authError('FORBIDDEN', `${what}; ${writes.join(', ')} needs a key created with --scope write.`)],
      });
    },
  };
}

function mutationFields(document: DocumentNode, operationName?: string | null): string[] {
  const op = getOperationAST(document, operationName);
  if (op?.operation !== 'mutation') return [];
  // Fragments on Mutation are rare but allowed: an unknown selection counts as a write.
  return op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '(fragment)'));
}
