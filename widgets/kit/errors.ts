/** Codes a widget can show or a host can branch on. */
export type RapportErrorCode = 'NETWORK' | 'HTTP' | 'GRAPHQL' | 'BAD_RESPONSE' | 'ABORTED' | 'TIMEOUT' | 'UNCONFIGURED';

/** Every failure of the kit's client is one of these: a prefixed message and a code. */
export class RapportError extends Error {
  override readonly name = 'RapportError';
  constructor(
    readonly code: RapportErrorCode,
    message: string,
    /** The HTTP status of a refused request, whatever its body. */
    readonly status?: number,
    /** Seconds the server asked to wait before retrying (429). */
    readonly retryAfter?: number,
  ) {
    super(`rapport/client: ${message}`);
  }
}

/**
 * What to tell the widget's reader about a failure: a plain sentence, with the technical message (for the console
 * and the error panel's details) kept apart.
 */
export function describeFailure(error: unknown, noun: string): { sentence: string; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (!(error instanceof RapportError)) return { sentence: `Could not load ${noun}.`, detail };
  return { sentence: sentenceFor(error, noun), detail };
}

function sentenceFor(error: RapportError, noun: string): string {
  if (error.code === 'NETWORK') return 'Could not reach the Rapport server.';
  if (error.code === 'TIMEOUT') return 'The Rapport server did not answer in time.';
  if (error.code === 'UNCONFIGURED') return 'This widget has an endpoint but no credentials yet.';
  const status = error.status ?? 0;
  if (status === 401 || status === 403) return `This page is not allowed to show these ${noun}.`;
  if (status === 429) return 'The Rapport server is busy with this page; try again in a moment.';
  if (status >= 500) return 'The Rapport server ran into a problem.';
  return `Could not load ${noun}.`;
}
