import type { CustomerRecord, RelationshipRecord } from '../types';
import { tokenRows } from './token-rows';
import { FieldError } from './field-error';
import type { AnyRecord, FormatReader, ReaderOptions } from './format';
import { firstContentIndex, tokens } from './head';
import { toNumber } from './values';

/**
 * SNAP edge lists: one `source target [weight]` pair per line, whitespace-separated, `#` comment lines.
 * Node ids are kept as written ("0", "1", …) and become customer external ids.
 */
const NODE = /^[\w.:@-]+$/;
const WEIGHT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const edgelist: FormatReader = {
  name: 'edgelist',
  kinds: ['relationships', 'customers'],
  misfit(head) {
    const i = firstContentIndex(head, '#');
    if (i === -1) return head.complete ? null : 'it has no edge in its first lines';
    const line = head.lines[i]!;
    const fields = tokens(line);
    if (namesColumns(fields)) return null;
    const pair =
      !line.includes(',') &&
      (fields.length === 2 || fields.length === 3) &&
      NODE.test(fields[0]!) &&
      NODE.test(fields[1]!) &&
      (fields.length === 2 || WEIGHT.test(fields[2]!));
    return pair ? null : 'its first line is not a pair of node ids with an optional weight';
  },
  hasRows: (head) => firstContentIndex(head, '#') !== -1,
  read: (lines, kind, options) => tokenRows<AnyRecord>(lines, kind === 'customers' ? nodeMapper() : edgeMapper(options)),
};

/**
 * A first row `source target [weight]` (any case) names the columns; without this check it would be read as a tie
 * between two customers called "source" and "target".
 */
function namesColumns(fields: string[]): boolean {
  const words = fields.map((w) => w.toLowerCase()).join(' ');
  return words === 'source target' || words === 'source target weight';
}

function headerSkipper(): (fields: string[]) => boolean {
  let first = true;
  return (f) => {
    if (!first) return false;
    first = false;
    return namesColumns(f);
  };
}

function checkWidth(fields: string[]): void {
  if (fields.length === 2 || fields.length === 3) return;
  // The first missing field, or the first one too many.
  throw new FieldError(fields.length < 2 ? fields.length + 1 : 4, `expected 2 or 3 fields but found ${fields.length}`);
}

function edgeMapper(options: ReaderOptions): (fields: string[]) => RelationshipRecord | null {
  const kind = options.kindOption ?? 'follows';
  const isHeader = headerSkipper();
  return (f) => {
    if (isHeader(f)) return null;
    checkWidth(f);
    return {
      sourceExternalId: f[0]!,
      targetExternalId: f[1]!,
      kind,
      weight: f.length === 3 ? toNumber(f[2], 'weight', 3) : 1,
    };
  };
}

/** Each distinct node once, at the line where it first appears. Memory: one Set entry per node. */
function nodeMapper(): (fields: string[]) => CustomerRecord[] {
  const seen = new Set<string>();
  const isHeader = headerSkipper();
  return (f) => {
    if (isHeader(f)) return [];
    checkWidth(f);
    const records: CustomerRecord[] = [];
    for (const id of [f[0]!, f[1]!]) {
      if (seen.has(id)) continue;
      seen.add(id);
      records.push({ externalId: id });
    }
    return records;
  };
}
