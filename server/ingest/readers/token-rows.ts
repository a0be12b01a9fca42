import type { ParsedRow } from '../types';
import { flatten } from './flatten';
import { tokens } from './head';
import type { LineBatch } from './lines';
import { applyMapper, type Mapped } from './map-row';

/** Reads whitespace-separated lines, skipping blank lines and lines starting with `#`. */
export function tokenRows<R>(
  batches: AsyncIterable<LineBatch>,
  map: (fields: string[], line: number) => Mapped<R>,
): AsyncIterable<ParsedRow<R>> {
  return flatten(tokenBatches(batches, map));
}

async function* tokenBatches<R>(
  batches: AsyncIterable<LineBatch>,
  map: (fields: string[], line: number) => Mapped<R>,
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
      const fields = tokens(lines[i]!);
      if (fields.length === 0 || fields[0]!.startsWith('#')) continue;
      applyMapper(map, fields, line, out);
    }
    yield out;
  }
}
