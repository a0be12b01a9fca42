/**
 * What the metrics and the request log learn about a request as yoga handles it: its operation type and name
 * (from the parsed document), and the error codes of its results. Kept per Request, so both plugins and batched
 * operations share one record and nothing outlives the request.
 */
import { getOperationAST, type DocumentNode, type GraphQLError } from 'graphql';
import { errorFacts } from './error-facts';

export interface RequestFacts {
  started: number;
  /** query, mutation or subscription; `batch` when one request carried several; `none` when nothing ran. */
  operation?: string;
  operationName?: string;
  errorCodes: string[];
  /** Results were seen (their errors are in errorCodes); otherwise an error response's body is read instead. */
  resultsSeen: boolean;
  /** What really went wrong when the request was refused before GraphQL ran (`errorFacts`), for the log only. */
  failure?: Record<string, unknown>;
}

const facts = new WeakMap<Request, RequestFacts>();

export function startFacts(request: Request): RequestFacts {
  let f = facts.get(request);
  if (!f) facts.set(request, (f = { started: performance.now(), errorCodes: [], resultsSeen: false }));
  return f;
}

export function factsOf(request: Request): RequestFacts | undefined {
  return facts.get(request);
}

const noted = new WeakSet<object>();

/** Records an operation once, however many plugins report the same execution `args`. */
export function noteOperation(args: { document: DocumentNode; operationName?: string | null; contextValue?: unknown }): void {
  const request = (args.contextValue as { request?: Request } | undefined)?.request;
  if (!request || noted.has(args)) return;
  noted.add(args);
  const f = startFacts(request);
  const type = getOperationAST(args.document, args.operationName ?? undefined)?.operation ?? 'none';
  f.operation = f.operation ? 'batch' : type;
  f.operationName ??= args.operationName ?? undefined;
}

const processed = new WeakSet<object>();

export function noteResult(request: Request, result: unknown): void {
  if (typeof result !== 'object' || result === null || processed.has(result)) return;
  processed.add(result);
  const f = startFacts(request);
  f.resultsSeen = true;
  for (const r of Array.isArray(result) ? result : [result]) {
    const errors = (r as { errors?: readonly GraphQLError[] } | null)?.errors;
    for (const e of errors ?? []) f.errorCodes.push(String(e.extensions?.code ?? 'UNKNOWN'));
  }
}

/** Error responses written before GraphQL ran (401, 413, 429…) carry their code only in the JSON body. */
export async function noteErrorResponse(request: Request, response: Response): Promise<void> {
  const f = startFacts(request);
  if (f.resultsSeen || response.status < 400 || !response.headers.get('content-type')?.includes('json')) return;
  f.resultsSeen = true;
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: string } }[] };
    for (const e of body.errors ?? []) f.errorCodes.push(e.extensions?.code ?? 'UNKNOWN');
  } catch {
    f.errorCodes.push('UNKNOWN');
  }
}

/** Records the real failure behind a refusal answered before GraphQL ran; the request log line carries it. */
export function noteFailure(request: Request, err: unknown): void {
  startFacts(request).failure = errorFacts(err);
}
