import { numberProblem, timeProblem } from '../plausible';
import { parseDateTime } from './dates';
import { FieldError } from './field-error';
import type { FieldSource } from './generic-fields';
import { toNumber } from './values';

/** Typed reads of generic csv/jsonl fields: CSV gives strings, JSON may give numbers and booleans too. */

export function text(f: FieldSource, key: string): string | null {
  const value = f.get(key);
  if (value === undefined) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new FieldError(f.position(key), `${key} must be text, not ${JSON.stringify(value)}`, key);
}

export function requiredText(f: FieldSource, key: string): string {
  const value = text(f, key);
  if (value === null) throw new FieldError(f.position(key), `${key} is empty`, key);
  return value;
}

export function number(f: FieldSource, key: string): number | null {
  const value = f.get(key);
  if (value === undefined) return null;
  if (typeof value === 'string') return toNumber(value, key, f.position(key));
  if (typeof value !== 'number') throw new FieldError(f.position(key), `${key} ${JSON.stringify(value)} is not a number`, key);
  const problem = numberProblem(value);
  if (problem !== null) throw new FieldError(f.position(key), `${key} ${value} ${problem}`, key);
  return value;
}

export function requiredNumber(f: FieldSource, key: string): number {
  const value = number(f, key);
  if (value === null) throw new FieldError(f.position(key), `${key} is empty`, key);
  return value;
}

export function date(f: FieldSource, key: string): Date | null {
  const value = text(f, key);
  if (value === null) return null;
  const ms = parseDateTime(value);
  if (Number.isNaN(ms)) throw new FieldError(f.position(key), `${key} "${value}" is not an ISO 8601 date like 2024-03-01T09:30:00Z`, key);
  const problem = timeProblem(ms);
  if (problem !== null) throw new FieldError(f.position(key), `${key} "${value}" ${problem}`, key);
  return new Date(ms);
}

export function requiredDate(f: FieldSource, key: string): Date {
  const value = date(f, key);
  if (value === null) throw new FieldError(f.position(key), `${key} is empty`, key);
  return value;
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

export function bool(f: FieldSource, key: string): boolean | null {
  const value = f.get(key);
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value;
  const word = String(value).trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw new FieldError(f.position(key), `${key} "${String(value)}" is not true or false`, key);
}

export function choice<T extends string>(f: FieldSource, key: string, allowed: readonly T[]): T | null {
  const value = text(f, key);
  if (value === null) return null;
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new FieldError(f.position(key), `${key} "${value}" is not one of ${allowed.join(', ')}`, key);
}

export function attributes(f: FieldSource, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  const rest = f.others(known);
  return rest.length === 0 ? undefined : Object.fromEntries(rest);
}
