import { ImportError } from './errors';
import { FORMAT_NAMES } from './readers/format';
import { csvHeader } from './readers/csv-header';
import { FORMATS } from './readers/registry';
import type { Head } from './readers/head';
import type { RecordKind } from './types';

/** How the CLI names a format; callers with another surface (GraphQL's `format:` argument) pass their own words. */
export const CLI_FORMAT_ADVICE = `pass --format with one of ${FORMAT_NAMES.join(', ')}`;

/**
 * Why no format fits a header. A header of several comma-separated columns is most likely generic CSV missing
 * some of the kind's columns, which is worth naming: "pass a format" alone sends the user looking elsewhere.
 */
export function undetectedFormat(name: string, head: Head, kind: RecordKind, advice = CLI_FORMAT_ADVICE): ImportError {
  const header = csvHeader(head);
  const misfit = header && header.length > 1 ? FORMATS.csv.misfit(head, kind) : null;
  if (misfit !== null) return new ImportError('UNKNOWN_FORMAT', `${name} looks like CSV, but ${misfit}; if it is another format, ${advice}.`);
  return new ImportError('UNKNOWN_FORMAT', `Could not tell the format of ${name} from its header; ${advice}.`);
}
