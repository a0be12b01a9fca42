import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../server/ingest/errors';
import { ImportRejectedError } from '../../server/ingest/import-rejected';
import { importSource } from '../../server/ingest/import-source';
import type { RecordKind } from '../../server/ingest/types';
import { openStore, type Store } from '../../server/store';
import { tableCounts } from '../support/snapshot';

/**
 * Bugs the CSV import fuzz (import-fuzz.test.ts) found in server/ingest, kept as regression tests now that they are
 * fixed: each made the import fail with a raw database error ("Unexpected error." through `importFile`) instead of
 * a `file:line:column` row error. csv-files.ts generates these inputs again.
 */
describe('import bugs found by the fuzz', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store?.close());

  const file = (text: string, name = 'ties.csv') => ({ name, open: () => Readable.from([Buffer.from(text)]) });

  /** Imports without --skip-invalid: must be refused as bad rows, with nothing stored. */
  async function rejected(kind: RecordKind, text: string, name?: string): Promise<ImportRejectedError> {
    const before = await tableCounts(store);
    const outcome = await importSource(store, kind, file(text, name), { tenant: 'bugs' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(outcome).toBeInstanceOf(ImportRejectedError);
    expect(await tableCounts(store)).toEqual(before);
    return outcome as ImportRejectedError;
  }

  const TIES = 'source,target,kind\na,b,follows\nb,c,Knows!\n';
  const rows = Array.from({ length: 1000 }, (_, i) => `c${i},Name ${i}`);
  // Past the 8,000 bytes sniffed for binary data, so the file as a whole reads as text.
  const LATE_NUL = `external_id,name\n${rows.join('\n')}\ncx,bad\u0000name\n`;

  it('an id too long for an index entry is a row error, in every format', async () => {
    const long = 'x'.repeat(12_000);
    const edges = await rejected('relationships', `a\tb\nb\t${long}\n`, 'edges.txt');
    expect(edges.message).toContain('edges.txt:2:1: targetExternalId is 12000 characters long');
    const people = await rejected('customers', `external_id,name\nc1,ok\n${long},long\n`, 'people.csv');
    expect(people.message).toContain('people.csv:3:1: externalId is 12000 characters long');
  });

  it('a relationship kind the database refuses is a row error naming its field', async () => {
    const err = await rejected('relationships', TIES);
    expect(err.message).toContain('ties.csv:3:3: kind "Knows!" is not a lowercase word');
  });

  it('a refused value holding a newline stays on its error\'s one line', async () => {
    const text = 'tweet_id,airline_sentiment,name,text,tweet_created,airline,retweet_count\n0,"\u0001\n\u000e",,,NaN,,NaN\n';
    const err = await rejected('interactions', text, 'fuzz.csv');
    for (const line of err.message.split('\n').slice(1)) expect(line).toMatch(/^fuzz\.csv:\d+:\d+: \S/);
    expect(err.message).toContain('"\\u0001\\u000a\\u000e" is not one of positive, neutral, negative');
  });

  it('a NUL past the first 8,000 bytes is a row error naming its line and character, as invalid UTF-8 is', async () => {
    const err = await rejected('customers', LATE_NUL);
    expect(err.message).toContain('ties.csv:1002:7: character 7 is a NUL byte');
  });

  it('an escaped NUL in JSON Lines is a row error naming its key', async () => {
    const err = await rejected('customers', '{"external_id":"j1"}\n{"external_id":"j2","name":"a\\u0000b"}\n', 'people.jsonl');
    expect(err.message).toContain('people.jsonl:2:2: "name" holds a NUL character');
  });

  it('with --skip-invalid those rows go to the reject report and the others are stored', async () => {
    const ties = await importSource(store, 'relationships', file(TIES), { tenant: 'bugs', skipInvalid: true });
    expect([ties.inserted, ties.rejected]).toEqual([1, [expect.objectContaining({ line: 3, column: 3 })]]);
    const people = await importSource(store, 'customers', file(LATE_NUL), { tenant: 'bugs', skipInvalid: true });
    expect([people.inserted, people.rejected]).toEqual([1000, [expect.objectContaining({ line: 1002, column: 7 })]]);
  });

  it('a relationship kind option the database refuses is refused before any row is read', async () => {
    const before = await tableCounts(store);
    const err = await importSource(store, 'relationships', file('1 2\n2 3\n', 'edges.txt'), { tenant: 'bugs', relationshipKind: 'Knows!' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('BAD_OPTION');
    expect((err as ImportError).message).toMatch(/"Knows!" for edges\.txt is not a lowercase word/);
    expect(await tableCounts(store)).toEqual(before);
  });
});
