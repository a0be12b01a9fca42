import type { ParsedRow, RowError } from '../types';
import { flatten } from './flatten';
import type { LineBatch } from './lines';
import { applyMapper, type Mapped } from './map-row';

/** Reads one JSON object per line, skipping blank lines. */
export function jsonRows<R>(
  batches: AsyncIterable<LineBatch>,
  map: (object: Record<string, unknown>, line: number) => Mapped<R>,
): AsyncIterable<ParsedRow<R>> {
  return flatten(jsonBatches(batches, map));
}

async function* jsonBatches<R>(
  batches: AsyncIterable<LineBatch>,
  map: (object: Record<string, unknown>, line: number) => Mapped<R>,
): AsyncGenerator<ParsedRow<R>[]> {
  for await (const { first, lines, invalid } of batches) {
    const out: ParsedRow<R>[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = first + i;
      const bad = invalid?.get(i);
      if (bad) {
        out.push({ line, error: bad });
        continue;
      }
      const text = lines[i]!;
      if (text.trim() === '') continue;
      const value = parseJson(text, line);
      if ('error' in value) out.push({ line, error: value.error });
      else applyMapper(map, value.object, line, out);
    }
    yield out;
  }
}

function parseJson(text: string, line: number): { object: Record<string, unknown> } | { error: RowError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: jsonError(line, text, error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: { line, column: 1, message: 'the line is not a JSON object' } };
  }
  const object = value as Record<string, unknown>;
  // An escaped NUL decodes to U+0000, which PostgreSQL text and jsonb cannot hold; only such lines are searched.
  if (text.includes('\\u0000')) {
    const at = Object.keys(object).findIndex((key) => holdsNul(key) || holdsNul(object[key]));
    if (at !== -1) {
      const message = `${JSON.stringify(Object.keys(object)[at])} holds a NUL character (\\u0000), which text cannot hold; remove it`;
      return { error: { line, column: at + 1, message } };
    }
  }
  return { object };
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, field]) => key.includes('\0') || holdsNul(field));
}

function jsonError(line: number, text: string, error: unknown): RowError {
  const detail = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(detail);
  const column = at ? [...text.slice(0, Number(at[1]))].length + 1 : 1;
  return { line, column, message: `the line is not valid JSON (${detail.replace(/ in JSON at position \d+.*$/, '')})` };
}
