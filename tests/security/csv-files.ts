/**
 * Generated import files for the fuzz tests: the shapes Rapport reads (generic `csv` of every kind, Online Retail,
 * airline tweets, CDNOW, edge lists) with mostly plausible values, garbled on purpose — wrong field counts, stray
 * and unbalanced quotes, unicode, huge and empty fields, bad dates and numbers, shuffled or missing header columns,
 * CRLF, a BOM, invalid UTF-8 bytes, NUL bytes, gzip (sometimes cut short), a forced format that does not fit.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FormatName } from '../../server/ingest/read-records';
import type { RecordKind } from '../../server/ingest/types';

export interface GeneratedFile {
  shape: string;
  kind: RecordKind;
  /** Forced format, or undefined to let the reader detect it. */
  format: FormatName | undefined;
  bytes: Buffer;
  /** Physical lines of the text before any byte was corrupted: no row error may point past them. */
  lines: number;
}

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const integer = fc.integer({ min: -1000, max: 100_000 }).map(String);
const decimal = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n.toFixed(2));
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true });
const isoDate = date.map((d) => d.toISOString());
const retailDate = date.map((d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`);
const words = fc.string({ unit: 'grapheme', maxLength: 40 });

const HOSTILE = [
  'NaN', 'Infinity', '-0', '1e400', '0x10', '1,5', ' 12 ', '٣', '2010-13-01', '2024-02-30', '2024-02-29T25:00:00Z',
  '99999999999999999999999', '"', '""', '"open', 'a"b', '"a"b', '\r', '\n', '\r\n', ',', ',,,', '\t',
  '\uFEFF', '\u202E', '🙂', 'e\u0301', '\uD800', 'null', 'true', 'C536379', "'; DROP TABLE orders; --",
];

/** What one field may hold: a plausible value for its column most of the time, anything else the rest. */
const field = (plausible: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: plausible, weight: 2400 },
    { arbitrary: fc.constant(''), weight: 400 },
    { arbitrary: fc.constantFrom(...HOSTILE), weight: 600 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 400 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 200 },
    // Rare: in the first 8,000 bytes a NUL makes the whole file "binary", and that path needs no thousand cases;
    // past them (after a filler) it is a row error.
    { arbitrary: fc.constant('a\u0000b'), weight: 10 },
    // About one file in a hundred: past 64 KiB of sniffing, and past the 1 MiB cap on an open quoted field.
    { arbitrary: fc.constantFrom(70_000, 1_100_000).map((n) => 'x'.repeat(n)), weight: 1 },
  );

interface Shape {
  kind: RecordKind;
  format: FormatName;
  columns: Record<string, fc.Arbitrary<string>>;
  /** Whitespace-separated formats have no header line and no quoting. */
  separator?: ' ' | '\t';
}

const SHAPES: Record<string, Shape> = {
  'online-retail': {
    kind: 'orders',
    format: 'online-retail',
    columns: {
      InvoiceNo: fc.oneof(integer, integer.map((n) => `C${n}`)), StockCode: id, Description: words, Quantity: integer,
      InvoiceDate: retailDate, UnitPrice: decimal, CustomerID: fc.oneof(integer.map((n) => `${n}.0`), fc.constant('')), Country: words,
    },
  },
  'airline-tweets': {
    kind: 'interactions',
    format: 'airline-tweets',
    columns: {
      tweet_id: integer, airline_sentiment: fc.constantFrom('positive', 'neutral', 'negative', 'angry'), name: id, text: words,
      tweet_created: isoDate.map((d) => d.replace('T', ' ').replace(/\.\d+Z$/, ' -0800')), airline: words, retweet_count: integer,
    },
  },
  'csv orders': {
    kind: 'orders',
    format: 'csv',
    columns: {
      invoice: id, customer_id: id, ordered_at: isoDate, quantity: integer, unit_price: decimal, product: words,
      cancelled: fc.constantFrom('true', 'false', 'yes', 'no', '1', '0', 'maybe'),
    },
  },
  'csv customers': { kind: 'customers', format: 'csv', columns: { external_id: id, name: words, email: words, country: words, plan: words } },
  'csv interactions': {
    kind: 'interactions',
    format: 'csv',
    columns: {
      external_id: id, channel: fc.constantFrom('email', 'chat', 'social', 'CALL', 'sms'), occurred_at: isoDate, text: words,
      customer_id: id, gold_label: fc.constantFrom('positive', 'negative', 'neutral', 'meh', ''),
    },
  },
  'csv relationships': {
    kind: 'relationships',
    format: 'csv',
    columns: { source: id, target: id, kind: fc.constantFrom('follows', 'mentions', ''), weight: decimal, first_seen: isoDate },
  },
  cdnow: {
    kind: 'orders',
    format: 'cdnow',
    separator: ' ',
    columns: {
      customer_id: fc.integer({ min: 1, max: 99999 }).map((n) => String(n).padStart(5, '0')),
      date: date.map((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
      number_of_cds: fc.integer({ min: 0, max: 20 }).map(String),
      dollar_value: decimal.map((d) => d.replace('-', '')),
    },
  },
  edgelist: { kind: 'relationships', format: 'edgelist', separator: '\t', columns: { source: integer, target: integer, weight: decimal } },
};

/** A CSV field as a writer would quote it, or as a careless one would not. */
function csvField(value: string, quote: boolean): string {
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}

const INVALID_UTF8 = [[0xff], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]];

function shapeFile(name: string, shape: Shape): fc.Arbitrary<GeneratedFile> {
  const columns = Object.keys(shape.columns);
  /** A row of one file: clean files hold plausible values, quoted where needed; dirty ones anything. */
  const row = (clean: boolean) =>
    fc
      .tuple(
        fc.tuple(...columns.map((c) => (clean ? shape.columns[c]! : field(shape.columns[c]!)))),
        clean ? fc.constant(0) : fc.oneof({ arbitrary: fc.constant(0), weight: 8 }, fc.integer({ min: -3, max: 3 })),
        fc.array(fc.boolean(), { minLength: columns.length + 3, maxLength: columns.length + 3 }),
      )
      .map(([values, widthChange, quotes]) => {
        const fields = widthChange < 0 ? values.slice(0, Math.max(0, values.length + widthChange)) : [...values, ...Array(widthChange).fill('extra')];
        if (shape.separator) return fields.join(shape.separator);
        return fields.map((v, i) => csvField(v, quotes[i]! || (clean && /[",\r\n]/.test(v)))).join(',');
      });
  const header = fc
    .tuple(fc.shuffledSubarray(columns, { minLength: Math.max(1, columns.length - 1) }), fc.boolean(), fc.integer({ min: 0, max: 9 }))
    .map(([subset, upper, dice]) => {
      // Mostly the real header in order; sometimes shuffled, one column short, or shouting.
      const names = dice < 6 ? columns : subset;
      return (upper && dice === 9 ? names.map((n) => n.toUpperCase()) : names).join(shape.separator ?? ',');
    });
  return fc
    .record({
      header,
      withHeader: shape.separator ? fc.boolean() : fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, fc.constant(false)),
      rows: fc.oneof(fc.array(row(true), { maxLength: 12 }), fc.array(row(false), { maxLength: 12 })),
      // Sometimes a long run of good rows first, so that what follows lies past the 8,000 bytes sniffed for binary.
      filler: fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 8 }, row(true).map((r) => Array(300).fill(r) as string[])),
      eol: fc.constantFrom('\n', '\r\n', '\n', '\n'),
      trailingEol: fc.boolean(),
      bom: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, fc.constant(true)),
      corrupt: fc.oneof(
        { arbitrary: fc.constant([] as [number, number][]), weight: 8 },
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: INVALID_UTF8.length - 1 })), { minLength: 1, maxLength: 3 }),
      ),
      gzip: fc.oneof({ arbitrary: fc.constant('none'), weight: 16 }, fc.constantFrom('whole', 'whole', 'cut')),
      // Mostly detected or the file's own; sometimes forced to one that does not fit.
      format: fc.oneof(
        { arbitrary: fc.constantFrom<FormatName | undefined | 'own'>(undefined, 'own'), weight: 12 },
        fc.constantFrom<FormatName>('csv', 'online-retail', 'edgelist', 'jsonl', 'cdnow', 'airline-tweets'),
      ),
    })
    .map((f) => {
      const text =
        (f.bom ? '\uFEFF' : '') + [...(f.withHeader ? [f.header] : []), ...f.filler, ...f.rows].join(f.eol) + (f.trailingEol ? f.eol : '');
      let bytes = Buffer.from(text, 'utf8');
      for (const [at, which] of f.corrupt) {
        const pos = bytes.length ? at % bytes.length : 0;
        bytes = Buffer.concat([bytes.subarray(0, pos), Buffer.from(INVALID_UTF8[which]!), bytes.subarray(pos)]);
      }
      if (f.gzip !== 'none') {
        const zipped = gzipSync(bytes);
        bytes = f.gzip === 'whole' ? zipped : zipped.subarray(0, Math.max(10, Math.floor(zipped.length / 2)));
      }
      const format = f.format === 'own' ? shape.format : f.format;
      return { shape: name, kind: shape.kind, format, bytes, lines: text.split('\n').length };
    });
}

/** Any of the shapes above, generated and garbled. */
export const generatedFile: fc.Arbitrary<GeneratedFile> = fc.oneof(...Object.entries(SHAPES).map(([name, shape]) => shapeFile(name, shape)));
