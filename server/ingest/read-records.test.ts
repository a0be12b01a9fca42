import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource, ImportError, readRecords, type FormatName } from './read-records';
import type { ParsedRow, RecordKind, RecordOf, RowError, Source } from './types';

const dir = mkdtempSync(path.join(tmpdir(), 'rapport-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function read<K extends RecordKind>(
  file: string,
  kind: K,
  options: { format?: FormatName; kindOption?: string } = {},
): Promise<{ format: FormatName; rows: ParsedRow<RecordOf[K]>[] }> {
  const { format, rows } = await readRecords(fileSource(file), kind, options);
  const all: ParsedRow<RecordOf[K]>[] = [];
  for await (const row of rows) all.push(row);
  return { format, rows: all };
}

const records = <R>(rows: ParsedRow<R>[]): R[] => rows.flatMap((row) => ('record' in row ? [row.record] : []));
const errors = <R>(rows: ParsedRow<R>[]): RowError[] => rows.flatMap((row) => ('error' in row ? [row.error] : []));

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const RETAIL_HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

describe('online-retail', () => {
  const file = fixture(
    'retail.csv',
    [
      RETAIL_HEADER,
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
      '536365,71053,"METAL LANTERN, WHITE",6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
      'C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom',
      '536414,22139,,56,2010-12-01 11:52:00,0,,United Kingdom',
      '536365,84406B,CREAM CUPID HEARTS COAT HANGER,8,2010-12-01 08:26:00,2.75,17850,United Kingdom',
      '',
    ].join('\n'),
  );

  it('is detected from its header and yields order lines', async () => {
    const { format, rows } = await read(file, 'orders');
    expect(format).toBe('online-retail');
    expect(errors(rows)).toEqual([]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    const [first, second, cancel, guest, third] = records(rows);
    expect(first).toEqual({
      invoice: '536365',
      lineNo: 1,
      customerExternalId: '17850',
      orderedAt: new Date('2010-12-01T08:26:00Z'),
      quantity: 6,
      unitPrice: 2.55,
      amount: 15.3,
      product: '85123A',
      description: 'WHITE HANGING HEART T-LIGHT HOLDER',
      cancelled: false,
      customer: { country: 'United Kingdom' },
    });
    expect(second).toMatchObject({ lineNo: 2, customerExternalId: '17850', description: 'METAL LANTERN, WHITE', amount: 20.34 });
    expect(cancel).toMatchObject({ invoice: 'C536379', cancelled: true, amount: -27.5, orderedAt: new Date('2010-12-01T09:41:00Z') });
    expect(guest).toMatchObject({ customerExternalId: null, description: null, amount: 0, customer: undefined });
    expect(third).toMatchObject({ invoice: '536365', lineNo: 3 });
  });

  it('yields one customer per distinct CustomerID for the customers kind', async () => {
    const { rows } = await read(file, 'customers');
    expect(records(rows)).toEqual([
      { externalId: '17850', country: 'United Kingdom' },
      { externalId: '14527', country: 'United Kingdom' },
    ]);
  });

  it('reports bad rows with line, column and plain words, and goes on', async () => {
    const bad = fixture(
      'retail-bad.csv',
      [
        RETAIL_HEADER,
        '536365,85123A,HOLDER,abc,2010-12-01 08:26:00,2.55,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-13-01 08:26:00,2.55,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850',
        ',85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom,extra',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
      ].join('\n'),
    );
    const { rows } = await read(bad, 'orders');
    expect(errors(rows)).toEqual([
      { line: 2, column: 4, message: 'Quantity "abc" is not a number' },
      { line: 3, column: 5, message: 'InvoiceDate "2010-13-01 08:26:00" is not a date like 2010-12-01 08:26:00' },
      { line: 4, column: 8, message: 'expected 8 fields but found 7' },
      { line: 5, column: 1, message: 'InvoiceNo is empty' },
      { line: 6, column: 6, message: 'UnitPrice is empty' },
      { line: 7, column: 9, message: 'expected 8 fields but found 9' },
    ]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // lineNo counts the invoice's lines that have the right width, bad values included, so fixing a value
    // keeps the keys of the other lines.
    expect(records(rows)).toMatchObject([{ invoice: '536365', lineNo: 4 }]);
  });

  it('reads gzip by its magic bytes whatever the extension', async () => {
    const content = `${RETAIL_HEADER}\n536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n`;
    for (const name of ['retail.csv.gz', 'retail-gzipped.csv']) {
      const { format, rows } = await read(fixture(name, gzipSync(content)), 'orders');
      expect(format).toBe('online-retail');
      expect(records(rows)).toHaveLength(1);
    }
  });

  it('reports a gzip file cut short as a row error after the last good row', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `5${i},X${i % 97},THING ${i * 7919},${i % 13},2010-12-01 08:26:00,1.25,1${i % 5000},UK`);
    const whole = gzipSync(`${RETAIL_HEADER}\n${lines.join('\n')}\n`);
    const { rows } = await read(fixture('cut.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.9))), 'orders');
    const bad = errors(rows);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toMatch(/^the gzip data is corrupt or cut short/);
    expect(rows.at(-1)).toEqual({ line: bad[0]!.line, error: bad[0] });
    expect(bad[0]!.line).toBe(records(rows).length + 2);
  });
});

describe('cdnow', () => {
  const header = ' customer_id  date number_of_cds  dollar_value\r\n';
  const body = ' 00001 19970101  1  11.77\r\n 00002 19970112  1  12.00\r\n 00002 19970112  5  77.00\r\n 00003 19970102  2  20.76\r\n';

  it('reads the CRLF master layout with its header, keeping ids as written', async () => {
    const { format, rows } = await read(fixture('cdnow.txt', header + body), 'orders');
    expect(format).toBe('cdnow');
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(records(rows)[0]).toEqual({
      invoice: '00001-19970101',
      lineNo: 1,
      customerExternalId: '00001',
      orderedAt: new Date('1997-01-01T00:00:00Z'),
      quantity: 1,
      unitPrice: 11.77,
      amount: 11.77,
      cancelled: false,
    });
    expect(records(rows)[2]).toMatchObject({ invoice: '00002-19970112', lineNo: 2, quantity: 5, unitPrice: 15.4, amount: 77 });
  });

  it('reads headerless files and the five-column sample layout', async () => {
    const headerless = await read(fixture('cdnow-noheader.txt', body), 'orders');
    expect(headerless.format).toBe('cdnow');
    expect(records(headerless.rows)).toHaveLength(4);
    const sample = await read(fixture('cdnow-sample.txt', '00004     1 19970101     2  29.33\r\n00004     1 19970118     0   0.00\r\n'), 'orders');
    expect(records(sample.rows)).toMatchObject([
      { customerExternalId: '00004', invoice: '00004-19970101', quantity: 2, unitPrice: 14.665 },
      { quantity: 0, unitPrice: 0, amount: 0 },
    ]);
  });

  it('yields each customer once for the customers kind', async () => {
    const { rows } = await read(fixture('cdnow-customers.txt', header + body), 'customers');
    expect(records(rows)).toEqual([{ externalId: '00001' }, { externalId: '00002' }, { externalId: '00003' }]);
  });

  it('reports bad dates, numbers and column counts', async () => {
    const bad = header + ' 00001 19970231  1  11.77\r\n 00001 19970101  x  11.77\r\n 00001 19970101  1\r\n 00001 19970101  1  $5\r\n';
    const { rows } = await read(fixture('cdnow-bad.txt', bad), 'orders');
    expect(errors(rows)).toEqual([
      { line: 2, column: 2, message: 'date "19970231" is not a date like 19970101' },
      { line: 3, column: 3, message: 'number_of_cds "x" is not a number' },
      { line: 4, column: 4, message: 'expected 4 fields but found 3' },
      { line: 5, column: 4, message: 'dollar_value "$5" is not a number' },
    ]);
  });
});

describe('airline-tweets', () => {
  const header =
    'tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone';
  const rows = [
    '570306133677760513,neutral,1.0,,,Virgin America,,cairdin,,0,@VirginAmerica What @dhepburn said.,,2015-02-24 11:35:52 -0800,,Eastern Time (US & Canada)',
    '570301130888122368,negative,0.35,Bad Flight,0.7,United,,jnardino,,2,"@united it was ""late"",\nand then\nworse",,2015-02-24 11:15:59 -0800,NYC,',
    '570306133677760513,neutral,1.0,,,Virgin America,,cairdin,,0,@VirginAmerica What @dhepburn said.,,2015-02-24 11:35:52 -0800,,',
    '570306133677760513,neutral,1.0,,,Virgin America,,cairdin,,0,again,,2015-02-24 11:35:52 -0800,,',
    '570306133677760514,angry,1.0,,,Virgin America,,someone,,0,hmm,,2015-02-24 11:35:52 -0800,,',
  ];
  const file = fixture('Tweets.csv', `${header}\n${rows.join('\n')}\n`);

  it('reads tweets as inbound social interactions, multi-line texts included', async () => {
    const result = await read(file, 'interactions');
    expect(result.format).toBe('airline-tweets');
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 6, 7, 8]);
    const [first, second] = records(result.rows);
    expect(first).toEqual({
      externalId: '570306133677760513',
      channel: 'social',
      direction: 'inbound',
      occurredAt: new Date('2015-02-24T19:35:52Z'),
      text: '@VirginAmerica What @dhepburn said.',
      author: 'cairdin',
      customerExternalId: 'cairdin',
      customer: { name: 'cairdin', handle: 'cairdin' },
      goldLabel: 'neutral',
      attributes: { airline: 'Virgin America', retweet_count: 0, user_timezone: 'Eastern Time (US & Canada)' },
    });
    expect(second).toMatchObject({
      text: '@united it was "late",\nand then\nworse',
      goldLabel: 'negative',
      attributes: { airline: 'United', negativereason: 'Bad Flight', retweet_count: 2, tweet_location: 'NYC' },
    });
  });

  it('keeps repeated tweet ids as id~n and validates the sentiment', async () => {
    const result = await read(file, 'interactions');
    expect(records(result.rows).map((r) => r.externalId)).toEqual([
      '570306133677760513',
      '570301130888122368',
      '570306133677760513~2',
      '570306133677760513~3',
    ]);
    expect(errors(result.rows)).toEqual([
      { line: 8, column: 2, message: 'airline_sentiment "angry" is not one of positive, neutral, negative' },
    ]);
  });

  it('yields authors for the customers kind', async () => {
    const result = await read(file, 'customers');
    expect(records(result.rows).map((r) => r.externalId)).toEqual(['cairdin', 'jnardino', 'someone']);
  });
});

describe('edgelist', () => {
  const file = fixture('edges.txt', '# Directed graph\n# Nodes: 4 Edges: 4\n0\t1\n2 3\n\n3 3\n1 0\n');

  it('reads SNAP pairs, skipping comments, keeping self-loops', async () => {
    const { format, rows } = await read(file, 'relationships');
    expect(format).toBe('edgelist');
    expect(rows.map((row) => row.line)).toEqual([3, 4, 6, 7]);
    expect(records(rows)).toEqual([
      { sourceExternalId: '0', targetExternalId: '1', kind: 'follows', weight: 1 },
      { sourceExternalId: '2', targetExternalId: '3', kind: 'follows', weight: 1 },
      { sourceExternalId: '3', targetExternalId: '3', kind: 'follows', weight: 1 },
      { sourceExternalId: '1', targetExternalId: '0', kind: 'follows', weight: 1 },
    ]);
  });

  it('takes a weight column and the relationship kind option', async () => {
    const { rows } = await read(fixture('weighted.txt', '1 2 4\n1 3 5.5\n'), 'relationships', { kindOption: 'colleague' });
    expect(records(rows)).toEqual([
      { sourceExternalId: '1', targetExternalId: '2', kind: 'colleague', weight: 4 },
      { sourceExternalId: '1', targetExternalId: '3', kind: 'colleague', weight: 5.5 },
    ]);
  });

  it('yields each node once for the customers kind', async () => {
    const { rows } = await read(file, 'customers');
    expect(records(rows).map((r) => r.externalId)).toEqual(['0', '1', '2', '3']);
    expect(rows.map((row) => row.line)).toEqual([3, 3, 4, 4]);
  });

  it('reports lines that are not pairs and bad weights', async () => {
    const { rows } = await read(fixture('edges-bad.txt', '1 2\n1\n1 2 3 4\n1 2 heavy\n'), 'relationships');
    expect(errors(rows)).toEqual([
      { line: 2, column: 2, message: 'expected 2 or 3 fields but found 1' },
      { line: 3, column: 4, message: 'expected 2 or 3 fields but found 4' },
      { line: 4, column: 3, message: 'weight "heavy" is not a number' },
    ]);
  });
});

describe('generic csv', () => {
  it('reads customers with extra columns into attributes', async () => {
    const file = fixture('customers.csv', 'external_id,name,email,tier\nc1,Ada,ada@example.com,gold\nc2,,,\n');
    const { format, rows } = await read(file, 'customers');
    expect(format).toBe('csv');
    expect(records(rows)).toEqual([
      { externalId: 'c1', name: 'Ada', handle: null, email: 'ada@example.com', country: null, attributes: { tier: 'gold' } },
      { externalId: 'c2', name: null, handle: null, email: null, country: null, attributes: undefined },
    ]);
  });

  it('takes customer_id as the id column of a customer list', async () => {
    const { rows } = await read(fixture('customer-ids.csv', 'customer_id,name\n17850,Ada\n'), 'customers');
    expect(records(rows)).toMatchObject([{ externalId: '17850', name: 'Ada', attributes: undefined }]);
  });

  it('reads orders: guests, stated amounts, line counters, cancellations', async () => {
    const file = fixture(
      'orders.csv',
      [
        'invoice,customer_id,ordered_at,quantity,unit_price,amount,product,cancelled,country',
        'A1,c1,2024-03-01T09:30:00Z,2,1.10,,P1,,FR',
        'A1,,2024-03-01 09:30,3,,9.00,P2,true,',
        'A2,c2,2024-03-02,1,5,,P3,no,',
      ].join('\n'),
    );
    const { rows } = await read(file, 'orders');
    expect(errors(rows)).toEqual([]);
    expect(records(rows)).toMatchObject([
      { invoice: 'A1', lineNo: 1, customerExternalId: 'c1', quantity: 2, unitPrice: 1.1, amount: 2.2, cancelled: false, customer: { country: 'FR' } },
      { invoice: 'A1', lineNo: 2, customerExternalId: null, quantity: 3, unitPrice: 3, amount: 9, cancelled: true },
      { invoice: 'A2', lineNo: 1, orderedAt: new Date('2024-03-02T00:00:00Z'), cancelled: false },
    ]);
  });

  it('validates interaction enums with the allowed values', async () => {
    const file = fixture(
      'interactions.csv',
      [
        'external_id,channel,direction,occurred_at,text,author,customer_id,gold_label',
        'i1,email,outbound,2024-03-01T09:30:00+01:00,"Hello, again",Bo,c1,positive',
        'i2,sms,,2024-03-01,hi,,,',
        'i3,chat,sideways,2024-03-01,hi,,,',
        'i4,chat,,2024-03-01,hi,,,great',
        'i5,chat,,yesterday,hi,,,',
        'i6,chat,,2024-03-01,,,,',
      ].join('\n'),
    );
    const { rows } = await read(file, 'interactions');
    expect(records(rows)).toMatchObject([
      { externalId: 'i1', channel: 'email', direction: 'outbound', occurredAt: new Date('2024-03-01T08:30:00Z'), text: 'Hello, again', goldLabel: 'positive' },
    ]);
    expect(errors(rows)).toEqual([
      { line: 3, column: 2, message: 'channel "sms" is not one of social, email, chat, call, meeting, note, review' },
      { line: 4, column: 3, message: 'direction "sideways" is not one of inbound, outbound' },
      { line: 5, column: 8, message: 'gold_label "great" is not one of positive, neutral, negative' },
      { line: 6, column: 4, message: 'occurred_at "yesterday" is not an ISO 8601 date like 2024-03-01T09:30:00Z' },
      { line: 7, column: 5, message: 'text is empty' },
    ]);
  });

  it('reads relationships with defaults', async () => {
    const file = fixture('rels.csv', 'source,target,kind,weight,first_seen\na,b,mentions,2,2024-01-01\nb,c,,,\n');
    const { rows } = await read(file, 'relationships');
    expect(records(rows)).toEqual([
      { sourceExternalId: 'a', targetExternalId: 'b', kind: 'mentions', weight: 2, firstSeen: new Date('2024-01-01T00:00:00Z'), lastSeen: null },
      { sourceExternalId: 'b', targetExternalId: 'c', kind: 'follows', weight: 1, firstSeen: null, lastSeen: null },
    ]);
  });

  it('reports CSV quoting errors on their own line and keeps reading', async () => {
    const file = fixture('quotes.csv', 'external_id,name\nc1,"Ada"x\nc2,Bo"b\nc3,"Cy, ok"\nc4,"never closed\nc5,x\n');
    const { rows } = await read(file, 'customers');
    expect(records(rows).map((r) => r.externalId)).toEqual(['c3']);
    expect(errors(rows)).toEqual([
      { line: 2, column: 2, message: 'field 2 has text after its closing quote; write a quote inside a quoted field as ""' },
      { line: 3, column: 2, message: 'field 2 has a quote inside an unquoted value; quote the whole field and write the quote as ""' },
      { line: 5, column: 2, message: 'field 2 opens a quote that is never closed' },
    ]);
  });
});

describe('jsonl', () => {
  it('reads camelCase and snake_case objects and reports bad lines', async () => {
    const file = fixture(
      'orders.jsonl',
      [
        '{"invoice":"A1","customerId":17850,"orderedAt":"2024-03-01T09:30:00Z","quantity":2,"unitPrice":1.5}',
        '',
        '{"invoice":"A1","customer_id":null,"ordered_at":"2024-03-01","quantity":"3","unit_price":"2"}',
        '{"invoice":"A2", oops}',
        '[1,2]',
        '{"invoice":"A3","ordered_at":"2024-03-01","quantity":"many","unit_price":2}',
      ].join('\n'),
    );
    const { format, rows } = await read(file, 'orders');
    expect(format).toBe('jsonl');
    expect(records(rows)).toMatchObject([
      { invoice: 'A1', lineNo: 1, customerExternalId: '17850', quantity: 2, unitPrice: 1.5, amount: 3 },
      { invoice: 'A1', lineNo: 2, customerExternalId: null, quantity: 3, unitPrice: 2, amount: 6 },
    ]);
    const bad = errors(rows);
    expect(bad.map((e) => [e.line, e.column])).toEqual([
      [4, 18],
      [5, 1],
      [6, 3],
    ]);
    expect(bad[0]!.message).toMatch(/^the line is not valid JSON/);
    expect(bad[1]!.message).toBe('the line is not a JSON object');
    expect(bad[2]!.message).toBe('quantity "many" is not a number');
  });
});

describe('encoding', () => {
  it('turns invalid UTF-8 into an error on its line and character', async () => {
    const bytes = Buffer.concat([
      Buffer.from('external_id,name\nc1,Zoë\nc2,Zo'),
      Buffer.from([0xeb]), // Latin-1 ë
      Buffer.from('l\nc3,"multi\nli'),
      Buffer.from([0xff]),
      Buffer.from('ne"\nc4,ok\n'),
    ]);
    const { rows } = await read(fixture('latin1.csv', bytes), 'customers');
    expect(records(rows).map((r) => [r.externalId, r.name])).toEqual([
      ['c1', 'Zoë'],
      ['c4', 'ok'],
    ]);
    expect(errors(rows)).toEqual([
      { line: 3, column: 6, message: 'character 6 is not valid UTF-8 (byte 0xEB); save the file as UTF-8' },
      { line: 5, column: 3, message: 'character 3 is not valid UTF-8 (byte 0xFF); save the file as UTF-8' },
    ]);
    expect(rows.filter((row) => 'error' in row).map((row) => row.line)).toEqual([3, 4]);
  });

  it('validates characters split across chunks and strips a byte-order mark', async () => {
    const text = '\uFEFFexternal_id,name\r\nc1,Zoë 東京\r\nc2,😀\r\n';
    const bytes = Buffer.from(text);
    const source: Source = { name: 'chunked.csv', open: () => Readable.from(Array.from(bytes, (b) => Buffer.from([b]))) };
    const { format, rows } = await readRecords(source, 'customers');
    const all: ParsedRow<RecordOf['customers']>[] = [];
    for await (const row of rows) all.push(row);
    expect(format).toBe('csv');
    expect(all).toEqual([
      { line: 2, record: expect.objectContaining({ externalId: 'c1', name: 'Zoë 東京' }) },
      { line: 3, record: expect.objectContaining({ externalId: 'c2', name: '😀' }) },
    ]);
  });

  it('reads a web ReadableStream source', async () => {
    const body = new Blob(['source,target\na,b\n']).stream();
    const { rows } = await readRecords({ name: 'upload.csv', open: () => body }, 'relationships');
    const all = [];
    for await (const row of rows) all.push(row);
    expect(all).toEqual([{ line: 2, record: expect.objectContaining({ sourceExternalId: 'a', targetExternalId: 'b' }) }]);
  });
});

describe('files that cannot be imported', () => {
  it('rejects a missing file', async () => {
    const file = path.join(dir, 'nope.csv');
    const error = await importError(readRecords(fileSource(file), 'orders'));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(`${file} does not exist.`);
  });

  it('rejects a directory', async () => {
    const sub = path.join(dir, 'a-directory');
    mkdirSync(sub);
    const error = await importError(readRecords(fileSource(sub), 'orders'));
    expect(error.code).toBe('NOT_A_FILE');
    expect(error.message).toBe(`${sub} is a directory, not a file.`);
  });

  it('rejects empty files: no bytes, blank lines, a header only, comments only', async () => {
    const cases: [string, string | Buffer, RecordKind, string][] = [
      ['empty.csv', '', 'orders', 'is empty.'],
      ['blank.csv', '\n  \r\n', 'orders', 'is empty.'],
      ['empty.csv.gz', gzipSync(''), 'orders', 'is empty.'],
      ['header.csv', `${RETAIL_HEADER}\n`, 'orders', 'has no rows after its header.'],
      ['header-only.csv', 'external_id,name', 'customers', 'has no rows after its header.'],
      ['comments.txt', '# nodes 0\n# edges 0\n', 'relationships', 'has no rows after its header.'],
    ];
    for (const [name, content, kind, tail] of cases) {
      const file = fixture(name, content);
      const error = await importError(readRecords(fileSource(file), kind));
      expect(error.code, name).toBe('EMPTY_FILE');
      expect(error.message).toBe(`${file} ${tail}`);
    }
  });

  it('rejects binary files, naming what they are', async () => {
    const png = fixture('logo.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    const error = await importError(readRecords(fileSource(png), 'orders'));
    expect(error.code).toBe('BINARY_FILE');
    expect(error.message).toBe(`${png} is a PNG image, not a text file; save it as CSV or JSON Lines first.`);
    const nul = fixture('data.csv', Buffer.from('a,b\n1,\u00002\n'));
    expect((await importError(readRecords(fileSource(nul), 'orders'))).message).toBe(
      `${nul} is binary data, not a text file; save it as CSV or JSON Lines first.`,
    );
    const zipped = fixture('gz-of-binary.gz', gzipSync(Buffer.from([0, 1, 2, 3])));
    expect((await importError(readRecords(fileSource(zipped), 'orders'))).code).toBe('BINARY_FILE');
    const broken = fixture('broken.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    const corrupt = await importError(readRecords(fileSource(broken), 'orders'));
    expect(corrupt.code).toBe('BINARY_FILE');
    expect(corrupt.message).toMatch(new RegExp(`^${broken} starts like gzip but the gzip data is corrupt or cut short`));
  });

  it('rejects an unknown format name and a format that cannot hold the kind', async () => {
    const file = fixture('edges2.txt', '0 1\n');
    const unknown = await importError(readRecords(fileSource(file), 'orders', { format: 'xlsx' as FormatName }));
    expect(unknown.code).toBe('UNKNOWN_FORMAT');
    expect(unknown.message).toBe(`Unknown format "xlsx" for ${file}; use one of online-retail, cdnow, airline-tweets, edgelist, csv, jsonl.`);
    const forced = await importError(readRecords(fileSource(file), 'orders', { format: 'edgelist' }));
    expect(forced.code).toBe('FORMAT_MISMATCH');
    expect(forced.message).toBe(`The edgelist format holds relationships or customers, not orders, so ${file} cannot be read as orders.`);
    const detected = await importError(readRecords(fileSource(file), 'orders'));
    expect(detected.code).toBe('FORMAT_MISMATCH');
    expect(detected.message).toBe(`${file} looks like edgelist data, which holds relationships or customers, not orders.`);
  });

  it('rejects a forced format whose header does not fit', async () => {
    const file = fixture('not-retail.csv', 'invoice,quantity\nA,1\n');
    const error = await importError(readRecords(fileSource(file), 'orders', { format: 'online-retail' }));
    expect(error.code).toBe('FORMAT_MISMATCH');
    expect(error.message).toBe(
      `${file} cannot be read as online-retail: its header lacks InvoiceNo, StockCode, InvoiceDate, UnitPrice, CustomerID.`,
    );
    const csv = await importError(readRecords(fileSource(file), 'orders', { format: 'csv' }));
    expect(csv.message).toBe(`${file} cannot be read as csv: it lacks the orders columns ordered_at, unit_price or amount.`);
  });

  it('rejects a header it cannot recognise', async () => {
    const file = fixture('mystery.csv', 'foo,bar,baz\n1,2,3\n');
    const error = await importError(readRecords(fileSource(file), 'orders'));
    expect(error.code).toBe('UNKNOWN_FORMAT');
    expect(error.message).toBe(
      `Could not tell the format of ${file} from its header; pass --format with one of online-retail, cdnow, airline-tweets, edgelist, csv, jsonl.`,
    );
  });
});

describe('progress', () => {
  it('reports the raw bytes read', async () => {
    const content = `external_id\n${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join('\n')}\n`;
    const file = fixture('many.csv', content);
    const seen: number[] = [];
    const { rows } = await readRecords(fileSource(file), 'customers', { onBytes: (n) => seen.push(n) });
    let count = 0;
    for await (const _row of rows) count++;
    expect(count).toBe(50_000);
    expect(seen.at(-1)).toBe(Buffer.byteLength(content));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('releasing the source', () => {
  function trackedSource(content: Buffer): { source: Source; streams: Readable[] } {
    const streams: Readable[] = [];
    const source: Source = {
      name: 'tracked.csv',
      open: () => {
        const chunks = Array.from({ length: Math.ceil(content.length / 4096) }, (_, i) => content.subarray(i * 4096, (i + 1) * 4096));
        const stream = Readable.from(chunks, { objectMode: false });
        streams.push(stream);
        return stream;
      },
    };
    return { source, streams };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  const csv = Buffer.from(`external_id\n${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join('\n')}\n`);

  for (const [label, content] of [
    ['plain', csv],
    ['gzip', gzipSync(csv)],
  ] as const) {
    it(`closes the ${label} stream when the caller stops early`, async () => {
      const { source, streams } = trackedSource(content);
      const { rows } = await readRecords(source, 'customers');
      for await (const _row of rows) break;
      await settle();
      expect(streams[0]!.destroyed).toBe(true);
    });
  }

  it('closes the stream when it rejects the file', async () => {
    const { source, streams } = trackedSource(Buffer.concat([Buffer.from('foo,bar\n'), csv]));
    await importError(readRecords(source, 'customers'));
    await settle();
    expect(streams[0]!.destroyed).toBe(true);
  });
});
