import { describe, expect, it } from 'vitest';
import { parseQuoted, parseQuotedBatch } from './csv-quoted';
import { CsvSplitter, endsInsideQuotes } from './csv-splitter';

function records(lines: string[]): unknown[] {
  const splitter = new CsvSplitter();
  const out: unknown[] = [];
  lines.forEach((line, i) => {
    const fed = splitter.feed(line, i + 1);
    if (fed === null) return;
    out.push({ line: splitter.line, value: typeof fed === 'string' ? parseQuoted(fed, splitter.line) : fed });
  });
  const end = splitter.end();
  if (end) out.push({ end });
  return out;
}

describe('CsvSplitter', () => {
  it('splits plain lines itself and skips blank ones', () => {
    expect(records(['a,b,,c', '', '   ', 'd'])).toEqual([
      { line: 1, value: ['a', 'b', '', 'c'] },
      { line: 4, value: ['d'] },
    ]);
  });

  it('joins a quoted field across lines and reports the line it starts on', () => {
    expect(records(['x,"one', '', 'two ""2""",y', 'z'])).toEqual([
      { line: 1, value: ['x', 'one\n\ntwo "2"', 'y'] },
      { line: 4, value: ['z'] },
    ]);
  });

  it('reports a quote never closed at the end', () => {
    expect(records(['a,"open', 'more'])).toEqual([{ end: { line: 1, column: 2, message: 'field 2 opens a quote that is never closed' } }]);
  });

  it('marks the record of an invalid line bad even when it spans lines', () => {
    const splitter = new CsvSplitter();
    const bad = { line: 2, column: 3, message: 'bad bytes' };
    expect(splitter.feed('a,"b', 1)).toBeNull();
    expect(splitter.feed('c', 2, bad)).toBeNull();
    expect(splitter.feed('d",e', 3)).toEqual(bad);
    expect(splitter.line).toBe(1);
  });
});

describe('endsInsideQuotes', () => {
  it('follows RFC 4180: quotes open only at a field start, "" is an escaped quote', () => {
    expect(endsInsideQuotes('a,"b', false)).toBe(true);
    expect(endsInsideQuotes('a,"b""', false)).toBe(true);
    expect(endsInsideQuotes('a,"b"""', false)).toBe(false);
    expect(endsInsideQuotes('a,b"c', false)).toBe(false);
    expect(endsInsideQuotes('end",x', true)).toBe(false);
    expect(endsInsideQuotes('still "" inside', true)).toBe(true);
  });
});

describe('parseQuotedBatch', () => {
  it('parses many records in one call, and each alone when one is bad', () => {
    expect(parseQuotedBatch(['"a",b', '"c\nd",e'], [1, 2])).toEqual([
      ['a', 'b'],
      ['c\nd', 'e'],
    ]);
    expect(parseQuotedBatch(['"a",b', '"c"x,e', '"f",g'], [1, 2, 3])).toEqual([
      ['a', 'b'],
      { line: 2, column: 1, message: 'field 1 has text after its closing quote; write a quote inside a quoted field as ""' },
      ['f', 'g'],
    ]);
  });
});
