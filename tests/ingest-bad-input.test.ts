import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../server/ingest/errors';
import { ImportRejectedError } from '../server/ingest/import-rejected';
import { importSource } from '../server/ingest/import-source';
import { fileSource, type FormatName } from '../server/ingest/read-records';
import type { RecordKind } from '../server/ingest/types';
import type { Store } from '../server/store';
import { tempFiles } from './support/files';
import { tableCounts } from './support/snapshot';
import { storeCases } from './support/stores';

const HEADER = 'invoice,customer_id,ordered_at,quantity,unit_price\n';
const GOOD = 'A1,c1,2024-01-02,2,3.5\n';

/** Each kind of bad row, the file holding it, and where the message must point. */
const BAD_ROWS = [
  { what: 'an unparsable number', body: HEADER + GOOD + 'A2,c2,2024-01-02,abc,3.5\n', at: '3:4', says: /quantity.*not a number/i },
  { what: 'an unparsable date', body: HEADER + GOOD + 'A3,c3,2024-13-45,1,1\n', at: '3:3', says: /ordered_at/ },
  { what: 'a wrong column count', body: HEADER + GOOD + 'A4,c4,2024-01-02,1\n', at: '3:', says: /fields/ },
  { what: 'an empty required field', body: HEADER + GOOD + ',c5,2024-01-02,1,2\n', at: '3:1', says: /invoice.*empty/i },
  { what: 'invalid UTF-8', body: Buffer.concat([Buffer.from(HEADER + GOOD + 'A6,c'), Buffer.from([0xff]), Buffer.from('6,2024-01-02,1,2\n')]), at: '3:', says: /UTF-8/ },
  // Past the 8,000 bytes sniffed for binary data (400 lines of 23 bytes), where the file as a whole reads as text.
  { what: 'a NUL byte late in the file', body: HEADER + GOOD.repeat(400) + 'A7,c\u00007,2024-01-02,1,2\n', at: '402:5', says: /NUL/ },
];

describe.each(storeCases())('bad input on $name leaves the store untouched', ({ open }) => {
  let store: Store;
  const files = tempFiles();
  beforeAll(async () => {
    store = await open();
    // Something already there, so "nothing new" is measured against a non-empty store.
    await importSource(store, 'orders', fileSource(files.write('seed.csv', HEADER + 'S1,s1,2023-05-01,1,9.99\n')), { tenant: 'default' });
  });
  afterAll(() => store?.close());

  it.each(BAD_ROWS)('$what: file:line:column in the message, nothing committed', async ({ body, at, says }) => {
    const file = files.write('bad.csv', body);
    const before = await tableCounts(store);
    const err = await importSource(store, 'orders', fileSource(file), { tenant: 'default' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    const message = (err as Error).message;
    expect(message).toContain(`bad.csv:${at}`);
    expect(message).toMatch(says);
    expect(message).toMatch(/nothing was imported/);
    expect(await tableCounts(store)).toEqual(before);
  });

  it('--skip-invalid imports the good rows and reports the bad ones', async () => {
    const file = files.write('mixed.csv', HEADER + 'M1,m1,2024-02-01,1,2\nM2,m2,2024-02-01,x,2\nM3,m3,2024-02-01,1,2\n');
    const summary = await importSource(store, 'orders', fileSource(file), { tenant: 'default', skipInvalid: true });
    expect(summary.inserted).toBe(2);
    expect(summary.rejected).toEqual([expect.objectContaining({ line: 3, column: 4 })]);
  });

  const FILE_PROBLEMS: { what: string; name: string; content?: string | Uint8Array; format?: FormatName; kind?: RecordKind; says: RegExp }[] = [
    { what: 'an empty file', name: 'empty.csv', content: '', says: /empty/ },
    { what: 'a missing file', name: 'nowhere.csv', says: /does not exist/ },
    { what: 'a binary file', name: 'image.csv', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), says: /not a text file|binary/i },
    { what: 'an undetectable format', name: 'odd.txt', content: 'foo;bar\n1;2\n', says: /--format/ },
    { what: 'a format that cannot hold the kind', name: 'edges.txt', content: '1 2\n', format: 'edgelist', kind: 'orders', says: /edgelist/ },
  ];

  it.each(FILE_PROBLEMS)('$what: one clear sentence, nothing committed', async ({ name, content, format, kind, says }) => {
    const file = content === undefined ? `${files.dir}/${name}` : files.write(name, content);
    const before = await tableCounts(store);
    const err = await importSource(store, kind ?? 'orders', fileSource(file), { tenant: 'default', format }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const message = (err as Error).message;
    expect(message).toMatch(says);
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
    expect(await tableCounts(store)).toEqual(before);
  });
});

describe.each(storeCases())('a file naming the same order line twice on $name', ({ open }) => {
  it('is refused with the key named, within a batch and across batches, and nothing is stored', async () => {
    const store = await open();
    const files = tempFiles();
    try {
      const body = 'invoice,customer_id,ordered_at,quantity,unit_price,line\nD1,d1,2024-01-02,1,2,1\nD2,d1,2024-01-02,1,2,1\nD1,d2,2024-01-03,5,5,1\n';
      for (const batchSize of [1, 100]) {
        const before = await tableCounts(store);
        const err = await importSource(store, 'orders', fileSource(files.write('dup.csv', body)), { tenant: 'dups', batchSize }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ImportRejectedError);
        expect((err as Error).message).toBe(`${files.dir}/dup.csv names the same record twice (invoice, line_no = D1, 1); nothing was imported.`);
        expect(await tableCounts(store)).toEqual(before);
      }
    } finally {
      await store.close();
    }
  });
});
