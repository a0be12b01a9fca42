/**
 * The decoded beginning of a file, which format detection and header checks look at before any row is read.
 */
export interface Head {
  /** Physical lines from the start (terminators and a leading byte-order mark removed); the last may be cut short unless `complete`. */
  lines: string[];
  /** Whether `lines` is the whole file. */
  complete: boolean;
}

export function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/** Index of the first line that is neither blank nor (when `comment` is given) a comment, or -1. */
export function firstContentIndex(head: Head, comment?: string, from = 0): number {
  for (let i = from; i < head.lines.length; i++) {
    const line = head.lines[i]!;
    if (isBlank(line)) continue;
    if (comment !== undefined && line.trimStart().startsWith(comment)) continue;
    return i;
  }
  return -1;
}

/** Whitespace-separated tokens of a line. */
export function tokens(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}
