import { parseQuoted } from './csv-quoted';
import { CsvSplitter } from './csv-splitter';
import { firstContentIndex, type Head } from './head';

/** The header record of a CSV file's beginning, or null when the beginning holds no complete record. */
export function csvHeader(head: Head): string[] | null {
  const start = firstContentIndex(head);
  if (start === -1) return null;
  const splitter = new CsvSplitter();
  for (let i = start; i < head.lines.length; i++) {
    const fed = splitter.feed(head.lines[i]!, i + 1);
    const result = typeof fed === 'string' ? parseQuoted(fed, i + 1) : fed;
    if (Array.isArray(result)) return result;
    if (result !== null) return null;
  }
  return null;
}

/** Whether a non-blank line follows the (first physical line of the) header. */
export function hasLineAfterHeader(head: Head): boolean {
  const start = firstContentIndex(head);
  return start !== -1 && firstContentIndex(head, undefined, start + 1) !== -1;
}

/** Positions (0-based) of named columns in a header, matched case-insensitively; -1 where absent. */
export function columnIndexes<N extends string>(header: readonly string[], names: readonly N[]): Record<N, number> {
  const lower = header.map((name) => name.trim().toLowerCase());
  const result = {} as Record<N, number>;
  for (const name of names) result[name] = lower.indexOf(name.toLowerCase());
  return result;
}

/** A misfit phrase for the named columns a header lacks, or null when it has them all. */
export function lacking(header: readonly string[] | null, names: readonly string[]): string | null {
  if (header === null) return 'it has no header line';
  const lower = new Set(header.map((name) => name.trim().toLowerCase()));
  const missing = names.filter((name) => !lower.has(name.toLowerCase()));
  return missing.length === 0 ? null : `its header lacks ${missing.join(', ')}`;
}
