import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../../server/ingest/import-rejected';
import { importSource } from '../../server/ingest/import-source';
import { openStore, type Store } from '../../server/store';
import { tableCounts } from '../support/snapshot';

/**
 * Found by the CSV import fuzz (import-fuzz.test.ts), in server/ingest, which the fuzz's owner may not change.
 * Each case is `it.fails`: it passes while the bug is there. When a fix lands, the case fails; turn it into a
 * plain `it` and let csv-files.ts generate the garbage again (its `exact` columns).
 */
describe('known import bugs', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store?.close());

  const file = (text: string) => ({ name: 'ties.csv', open: () => Readable.from([Buffer.from(text)]) });

  it.fails('a relationship kind the database refuses is a row error (today: the CHECK constraint aborts the import unexplained)', async () => {
    const before = await tableCounts(store);
    const outcome = await importSource(store, 'relationships', file('source,target,kind\na,b,follows\nb,c,Knows!\n'), { tenant: 'bugs' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(outcome).toBeInstanceOf(ImportRejectedError);
    expect((outcome as ImportRejectedError).message).toContain('ties.csv:3:3:');
    expect(await tableCounts(store)).toEqual(before);
  });

  it.fails('a NUL past the first 8,000 bytes is a row error (today: the record reaches the store, which refuses it)', async () => {
    const before = await tableCounts(store);
    const rows = Array.from({ length: 1000 }, (_, i) => `c${i},Name ${i}`);
    const text = `external_id,name\n${rows.join('\n')}\ncx,bad\u0000name\n`;
    const outcome = await importSource(store, 'customers', file(text), { tenant: 'bugs' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(outcome).toBeInstanceOf(ImportRejectedError);
    expect((outcome as ImportRejectedError).message).toContain('ties.csv:1002:2:');
    expect(await tableCounts(store)).toEqual(before);
  });
});
