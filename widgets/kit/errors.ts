/** Codes a widget can show or a host can branch on. */
export type RapportErrorCode = 'NETWORK' | 'HTTP' | 'GRAPHQL' | 'BAD_RESPONSE' | 'ABORTED' | 'TIMEOUT' | 'UNCONFIGURED';

/** Every failure of the kit's client is one of these: a prefixed message and a code. */
export class RapportError extends Error {
  override readonly name = 'RapportError';
  constructor(
    readonly code: RapportErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(`rapport/client: ${message}`);
  }
}
