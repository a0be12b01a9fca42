import type { RowError } from './types';

/** An import that wrote nothing because rows were bad (or there were none); the message lists where and why. */
export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError';
  readonly code = 'IMPORT_REJECTED';

  constructor(
    readonly source: string,
    readonly errors: RowError[],
    readonly count: number,
    message?: string,
  ) {
    super(message ?? describe(source, errors, count));
  }
}

export function formatRowError(source: string, e: RowError): string {
  return `${source}:${e.line}:${e.column}: ${oneLine(e.message)}`;
}

/**
 * Messages quote the values they refuse, and a quoted CSV field may hold a newline or other control characters: they
 * are written as `\uXXXX` escapes, so each error stays one line of a report or a terminal.
 */
const oneLine = (message: string) =>
  message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function describe(source: string, errors: RowError[], count: number): string {
  const shown = errors.slice(0, 20).map((e) => formatRowError(source, e));
  const more = count > shown.length ? [`… and ${count - shown.length} more bad ${count - shown.length === 1 ? 'row' : 'rows'}.`] : [];
  const lead = `${source} has ${count} bad ${count === 1 ? 'row' : 'rows'}; nothing was imported (use --skip-invalid to import the good rows).`;
  return [lead, ...shown, ...more].join('\n');
}
