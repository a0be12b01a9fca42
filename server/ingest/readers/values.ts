import { numberProblem, timeProblem } from '../plausible';
import { FieldError } from './field-error';
import type { DateCache } from './dates';

/**
 * Field parsers shared by the readers. Each takes the raw field, the name users know it by and its 1-based
 * position, and throws a FieldError whose message is plain words, e.g. `Quantity "abc" is not a number`.
 */

export function required(value: string | undefined, label: string, column: number): string {
  const text = value === undefined ? '' : value.trim();
  if (text === '') throw new FieldError(column, `${label} is empty`, label);
  return text;
}

/** The trimmed text, or null when empty or absent. */
export function optional(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = value.trim();
  return text === '' ? null : text;
}

export function toNumber(value: string | undefined, label: string, column: number): number {
  const text = required(value, label, column);
  const n = Number(text);
  // Number() also reads 0x1F, 0b1, 0o7 and Infinity; data files mean none of them.
  const second = text.charCodeAt(1) | 0x20;
  if (!Number.isFinite(n) || second === 0x78 || second === 0x62 || second === 0x6f) {
    throw new FieldError(column, `${label} "${text}" is not a number`, label);
  }
  const problem = numberProblem(n);
  if (problem !== null) throw new FieldError(column, `${label} "${text}" ${problem}`, label);
  return n;
}

/** `example` shows the expected form in the message. */
export function toDate(
  value: string | undefined,
  label: string,
  column: number,
  dates: DateCache,
  example = '2010-12-01 08:26:00',
): Date {
  const text = required(value, label, column);
  const date = dates.parse(text);
  if (date === null) throw new FieldError(column, `${label} "${text}" is not a date like ${example}`, label);
  const problem = timeProblem(date.getTime());
  if (problem !== null) throw new FieldError(column, `${label} "${text}" ${problem}`, label);
  return date;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], label: string, column: number): T {
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new FieldError(column, `${label} "${value}" is not one of ${allowed.join(', ')}`, label);
}

/** Money rounded to cents, halves away from zero, so that Σ over many lines does not drift. */
export function roundCents(value: number): number {
  const cents = Math.round(Math.abs(value) * 100);
  return (value < 0 ? -cents : cents) / 100;
}

/** Spreadsheet exports write integer ids as `17850.0`; the id is `17850`. */
export function integerId(text: string): string {
  const dot = text.indexOf('.');
  if (dot === -1) return text;
  for (let i = dot + 1; i < text.length; i++) if (text.charCodeAt(i) !== 48) return text;
  return text.slice(0, dot);
}

/**
 * Per-key counter for `lineNo`, the position of a line within its invoice. Memory grows with distinct invoices. The
 * lines of an invoice usually come together, so the current key's count is kept aside and the map is touched only
 * when the key changes.
 */
export class LineCounter {
  private readonly counts = new Map<string, number>();
  private key: string | null = null;
  private count = 0;

  next(key: string): number {
    if (key !== this.key) {
      if (this.key !== null) this.counts.set(this.key, this.count);
      this.key = key;
      this.count = this.counts.get(key) ?? 0;
    }
    return ++this.count;
  }
}

/** Like `required`, but returns free text exactly as written (only checks it is not blank). */
export function nonBlank(value: string | undefined, label: string, column: number): string {
  if (value === undefined || value.trim() === '') throw new FieldError(column, `${label} is empty`, label);
  return value;
}
