import { RapportError } from './errors.js';
import { readEventStream } from './sse.js';

export interface ClientOptions {
  endpoint: string;
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** A query that has not answered in full by then fails with code `TIMEOUT` (subscriptions have no limit). @default 30000 */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string }>;
}

/** The whole GraphQL client the widgets share: POST JSON for operations, Server-Sent Events for subscriptions. */
export class RapportClient {
  constructor(private readonly options: ClientOptions) {}

  async query<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    // A hung server would otherwise leave the widget "Loading…" for ever: abort, and say why, after timeoutMs.
    const ms = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    const forward = () => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', forward, { once: true });
    try {
      const response = await this.post(query, variables, 'application/graphql-response+json, application/json', controller.signal);
      let body: GraphQLResponse<T>;
      try {
        body = (await response.json()) as GraphQLResponse<T>;
      } catch (error) {
        if (controller.signal.aborted) throw asRapportError(error);
        throw new RapportError('BAD_RESPONSE', `${this.options.endpoint} did not answer with JSON`, response.status);
      }
      return unwrap(body);
    } catch (error) {
      if (timedOut) throw new RapportError('TIMEOUT', `${this.options.endpoint} did not answer within ${Math.round(ms / 1000)} s`);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  /** Streams a subscription; returns a function that ends it. Errors go to `onError`, never thrown. */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown> | undefined,
    onNext: (data: T) => void,
    onError: (error: RapportError) => void = () => {},
  ): () => void {
    const controller = new AbortController();
    void (async () => {
      try {
        const response = await this.post(query, variables, 'text/event-stream', controller.signal);
        if (!response.body) throw new RapportError('BAD_RESPONSE', 'subscription response has no body');
        for await (const event of readEventStream(response.body)) {
          if (event.event === 'complete') break;
          if (event.event && event.event !== 'next') continue;
          onNext(unwrap(JSON.parse(event.data) as GraphQLResponse<T>));
        }
      } catch (error) {
        if (!controller.signal.aborted) onError(asRapportError(error));
      }
    })();
    return () => controller.abort();
  }

  private async post(query: string, variables: Record<string, unknown> | undefined, accept: string, signal?: AbortSignal) {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept };
    const token = await this.options.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(this.options.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
    } catch (error) {
      throw asRapportError(error);
    }
    if (!response.ok && !(response.headers.get('content-type') ?? '').includes('json')) {
      throw new RapportError('HTTP', `${this.options.endpoint} answered ${response.status}`, response.status);
    }
    return response;
  }
}

function unwrap<T>(body: GraphQLResponse<T>): T {
  if (body.errors?.length) throw new RapportError('GRAPHQL', body.errors.map((e) => e.message).join('; '));
  if (body.data == null) throw new RapportError('BAD_RESPONSE', 'response carries no data');
  return body.data;
}

function asRapportError(error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') return new RapportError('ABORTED', 'request aborted');
  return new RapportError('NETWORK', error instanceof Error ? error.message : String(error));
}
