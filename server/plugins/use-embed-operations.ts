import type { Plugin } from 'graphql-yoga';
import { authError } from '../auth/auth-error';
import { embedOperationByDocument, embedOperationByHash, type EmbedOperation } from '../auth/embed-operations';
import type { Principal } from '../auth/credentials';
import { principalOf } from './use-credentials';

const NOT_LISTED =
  "Embed tokens may only run the widgets' operations (server/auth/embed-operations.ts); use an API key for other queries.";

/**
 * Embed tokens run allow-listed documents only, found by their text or by `extensions.persistedQuery.sha256Hash`
 * (the document is then filled in). A token minted for some operations runs only those, and a token bound to
 * customers is further held to them (see embed-operations.ts).
 */
export function useEmbedOperations(): Plugin {
  return {
    onParams({ request, params, setParams }) {
      const principal = principalOf(request);
      if (principal.kind !== 'token') return;
      const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const op = params.query
        ? embedOperationByDocument(params.query)
        : typeof hash === 'string'
          ? embedOperationByHash(hash)
          : null;
      if (!op) throw authError('OPERATION_NOT_ALLOWED', NOT_LISTED);
      if (principal.operations && !principal.operations.includes(op.name)) {
        throw authError('OPERATION_NOT_ALLOWED', `This embed token may run only ${principal.operations.join(', ')}; not ${op.name}.`);
      }
      checkCustomers(principal, op, params.variables);
      if (!params.query) setParams({ ...params, query: op.document });
    },
  };
}

function checkCustomers(principal: Principal, op: EmbedOperation, variables: Record<string, unknown> | undefined): void {
  const allowed = principal.customers;
  if (!allowed || (op.aggregate && !perCustomer(op, variables))) return;
  const customer = op.customerVariable ? variables?.[op.customerVariable] : undefined;
  if (typeof customer !== 'string' || !allowed.includes(customer)) {
    throw authError(
      'FORBIDDEN',
      op.customerVariable
        ? `This embed token is limited to some customers; \`$${op.customerVariable}\` must name one of them.`
        : `This embed token is limited to some customers and ${op.name} is about all of them.`,
    );
  }
}

/** An aggregate operation asked to answer customer by customer (`sentimentSummary(groupBy: CUSTOMER)`). */
function perCustomer(op: EmbedOperation, variables: Record<string, unknown> | undefined): boolean {
  const when = op.perCustomerWhen;
  return when !== undefined && when.values.includes(String(variables?.[when.variable]));
}
