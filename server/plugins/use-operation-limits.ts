import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authError } from '../auth/auth-error';

export interface OperationLimitOptions {
  /** Deepest field nesting (`customers.edges.node.orders.edges.node.amount` is 7). @default 12 */
  maxDepth?: number;
  /** Largest cost: one per field, times the page size of each connection around it. @default 50000 */
  maxCost?: number;
}

export const OPERATION_LIMIT_DEFAULTS: Required<OperationLimitOptions> = { maxDepth: 12, maxCost: 50_000 };

/** What a connection without `first`/`last` returns (schema/paging.ts). */
const DEFAULT_PAGE = 50;

/**
 * Depth and cost limits, measured on the operation with its variables before it runs. Cost counts fields and
 * multiplies a connection's selection (one that selects `edges` or `nodes`) by its page size, so
 * `customers(first: 500) { … orders(first: 500) … }` is refused while a page of 500 customers is not; a field that
 * takes a list of `ids` (`nodes`) is multiplied by the list's length.
 * Introspection fields are not counted (introspection is off in production).
 */
export function useOperationLimits(options: OperationLimitOptions = {}): Plugin {
  const o = { ...OPERATION_LIMIT_DEFAULTS, ...options };
  const check = (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>) => {
    const op = getOperationAST(document, operationName);
    if (!op) return;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const { depth, cost } = measure(op.selectionSet, fragments, variables, 0);
    if (depth > o.maxDepth) {
      throw authError('QUERY_TOO_COMPLEX', `This operation nests ${depth} fields deep; the limit is ${o.maxDepth}.`);
    }
    if (cost > o.maxCost) {
      throw authError('QUERY_TOO_COMPLEX', `This operation could return about ${Math.round(cost)} fields; the limit is ${o.maxCost}. Ask for smaller pages or fewer nested connections.`);
    }
  };
  const run = ({ args, setResultAndStopExecution }: { args: { document: DocumentNode; operationName?: string | null; variableValues?: Record<string, unknown> | null }; setResultAndStopExecution: (r: { errors: Error[] }) => void }) => {
    try {
      check(args.document, args.operationName, args.variableValues ?? {});
    } catch (err) {
      setResultAndStopExecution({ errors: [err as Error] });
    }
  };
  return {
    onExecute: run,
    onSubscribe: ({ args, setResultAndStopExecution }) => run({ args, setResultAndStopExecution: (r) => setResultAndStopExecution(r as never) }),
  };
}

function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  depth: number,
): { depth: number; cost: number } {
  let deepest = depth;
  let cost = 0;
  if (depth > 64) return { depth, cost }; // validation rejects fragment cycles; this bounds the walk regardless
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      if (!sel.selectionSet) {
        cost += 1;
        deepest = Math.max(deepest, depth + 1);
        continue;
      }
      const inner = measure(sel.selectionSet, fragments, variables, depth + 1);
      // A connection's own `edges` take no arguments: `network { edges(first: 500) { … } }` is not a page of networks.
      const isConnection = sel.selectionSet.selections.some(
        (s) => s.kind === Kind.FIELD && (s.name.value === 'edges' || s.name.value === 'nodes') && !s.arguments?.length,
      );
      const page = isConnection ? pageSize(sel.arguments ?? [], variables) : idCount(sel.arguments ?? [], variables);
      cost += 1 + page * inner.cost;
      deepest = Math.max(deepest, inner.depth);
    } else {
      const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
      if (!inner) continue;
      const m = measure(inner, fragments, variables, depth);
      cost += m.cost;
      deepest = Math.max(deepest, m.depth);
    }
  }
  return { depth: deepest, cost };
}

function pageSize(args: readonly { name: { value: string }; value: ValueNode }[], variables: Record<string, unknown>): number {
  for (const name of ['first', 'last']) {
    const arg = args.find((a) => a.name.value === name);
    if (!arg) continue;
    const v = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : arg.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  }
  return DEFAULT_PAGE;
}

/** How many objects a field with an `ids` list argument (`nodes(ids: […])`) returns; 1 for any other field. */
function idCount(args: readonly { name: { value: string }; value: ValueNode }[], variables: Record<string, unknown>): number {
  const arg = args.find((a) => a.name.value === 'ids');
  if (!arg) return 1;
  if (arg.value.kind === Kind.LIST) return arg.value.values.length;
  const v = arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : undefined;
  return Array.isArray(v) ? v.length : 1;
}
