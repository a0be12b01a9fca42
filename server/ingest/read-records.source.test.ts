import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dir, fixture, read, records, errors, importError, RETAIL_HEADER } from './read-records.fixtures';
import { fileSource, readRecords, type FormatName } from './read-records';
import type { ParsedRow, RecordKind, RecordOf, Source } from './types';

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

  it('refuses a gzip file that inflates past the limit (uploads), and reads it without one (the CLI)', async () => {
    // 8 MB of newlines after a header: 8 KB of gzip. A real upload of this shape (1 MB → 1 GB) cost 70 s of CPU.
    const bomb = fixture('bomb.csv.gz', gzipSync(Buffer.concat([Buffer.from('external_id,name\n'), Buffer.alloc(8 << 20, 10)])));
    const capped = await readRecords(fileSource(bomb), 'customers', { maxInflatedBytes: 1 << 20 }).then(async ({ rows }) => {
      for await (const _ of rows);
    }).then(() => null, (e: unknown) => e);
    expect(capped).toMatchObject({ code: 'FILE_TOO_LARGE', message: `${bomb} inflates to more than 1 MB, the most an upload may hold; import it with \`rapport import\`, or split it.` });
    const { rows } = await read(bomb, 'customers');
    expect(rows).toEqual([]);
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
    const file = fixture('mystery.txt', 'just some words\nand more\n');
    const error = await importError(readRecords(fileSource(file), 'orders'));
    expect(error.code).toBe('UNKNOWN_FORMAT');
    expect(error.message).toBe(
      `Could not tell the format of ${file} from its header; pass --format with one of online-retail, cdnow, airline-tweets, edgelist, csv, jsonl.`,
    );
  });

  it('names the missing columns when the header is CSV without the kind\'s columns', async () => {
    const file = fixture('orders-not-notes.csv', 'invoice,customer_id,ordered_at,quantity,unit_price\nK1,k1,2024-01-02,2,3.5\n');
    const error = await importError(readRecords(fileSource(file), 'interactions'));
    expect(error.code).toBe('UNKNOWN_FORMAT');
    const { message: lacks } = await importError(readRecords(fileSource(file), 'interactions', { format: 'csv' }));
    expect(error.message).toBe(
      `${file} looks like CSV, but ${lacks.split(': ')[1]!.replace(/\.$/, '')}; if it is another format, pass --format with one of online-retail, cdnow, airline-tweets, edgelist, csv, jsonl.`,
    );
    expect(error.message).toMatch(/it lacks the interactions columns? /);
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
