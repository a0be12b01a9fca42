import { delay, untilAborted } from './abort.js';
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
/** How many 429s in a row one query waits out before it fails. */
export const MAX_RATE_LIMIT_RETRIES = 8;

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string }>;
}

/** The whole GraphQL client the widgets share: POST JSON for operations, Server-Sent Events for subscriptions. */
export class RapportClient {
  constructor(private readonly options: ClientOptions) {}

  /**
   * Runs a query or mutation. A 429 (rate limit) is retried after the wait the server asks for, up to
   * `MAX_RATE_LIMIT_RETRIES` times in a row: an embed token's burst is 40 requests, and the influencer graph pages a
   * large network in more requests than that. Each attempt has its own `timeoutMs`; the waits honour `signal`.
   */
  async query<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    for (let retries = 0; ; retries++) {
      try {
        return await this.attempt<T>(query, variables, signal);
      } catch (error) {
        if (!(error instanceof RapportError) || error.status !== 429 || retries >= MAX_RATE_LIMIT_RETRIES) throw error;
        await delay(Math.min(Math.max(error.retryAfter ?? 1, 0), 60) * 1000, signal); // a minute at most
      }
    }
  }

  private async attempt<T>(query: string, variables: Record<string, unknown> | undefined, signal?: AbortSignal): Promise<T> {
    // A hung server (or getToken) would otherwise leave the widget "Loading…" for ever: abort, and say why, after timeoutMs.
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

  /** Sends the operation; a reply that is not 2xx throws, keeping its HTTP status whatever its body. */
  private async post(query: string, variables: Record<string, unknown> | undefined, accept: string, signal: AbortSignal) {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept };
    const token = await untilAborted(this.options.getToken?.(), signal).catch((error: unknown) => Promise.reject(asRapportError(error)));
    if (token) headers.authorization = `Bearer ${token}`;
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(this.options.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
    } catch (error) {
      throw asRapportError(error);
    }
    if (!response.ok) throw await refusal(response, this.options.endpoint);
    return response;
  }
}

/**
 * The error for a reply that is not 2xx. The server refuses with a GraphQL error body (docs/security.md): its message
 * is kept, with the status. The wait before a retry is `Retry-After`, or, where CORS hides that header from a page
 * on another origin, the "retry in N s" of the message.
 */
async function refusal(response: Response, endpoint: string): Promise<RapportError> {
  const text = await response.text().catch(() => '');
  let message = '';
  try {
    message = ((JSON.parse(text) as GraphQLResponse<unknown>).errors ?? []).map((e) => e.message).join('; ');
  } catch {
    // not JSON: a proxy's or a static server's page
  }
  const header = response.headers.get('retry-after');
  const wait = header !== null && header.trim() !== '' ? Number(header) : Number(/retry in (\d+(?:\.\d+)?) s/.exec(message)?.[1] ?? NaN);
  const retryAfter = Number.isFinite(wait) ? wait : undefined;
  return message
    ? new RapportError('GRAPHQL', message, response.status, retryAfter)
    : new RapportError('HTTP', `${endpoint} answered ${response.status}`, response.status, retryAfter);
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
