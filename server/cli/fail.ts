import { ImportError } from '../ingest/errors';
import { ImportRejectedError } from '../ingest/import-rejected';
import { StoreError } from '../store';

/** A mistake in how the command was called: reported in one sentence, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that could not do its work for a reason the user can act on: one sentence, exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/**
 * Prints an error the way a person wants to read it — one plain sentence, no stack — and sets the exit code.
 * Only an unexpected error shows its stack, and only with RAPPORT_DEBUG=1.
 */
export function reportError(err: unknown): void {
  const known = err instanceof CommandError || err instanceof ImportError || err instanceof StoreError || err instanceof ImportRejectedError;
  if (err instanceof UsageError) {
    console.error(`rapport: ${err.message}`);
    process.exitCode = 2;
  } else if (known) {
    console.error(`rapport: ${(err as Error).message}`);
    process.exitCode = 1;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`rapport: unexpected error: ${message}`);
    if (process.env.RAPPORT_DEBUG && err instanceof Error) console.error(err.stack);
    else console.error('Run again with RAPPORT_DEBUG=1 to see where it happened.');
    process.exitCode = 1;
  }
}
