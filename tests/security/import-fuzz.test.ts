import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createKey } from '../../server/auth/keys';
import { createTenant } from '../../server/auth/tenants';
import { createHttpServer } from '../../server/http-server';
import { IMPORT_ERROR_CODES, ImportError } from '../../server/ingest/errors';
import { ImportRejectedError } from '../../server/ingest/import-rejected';
import { importSource } from '../../server/ingest/import-source';
import { readRecords } from '../../server/ingest/read-records';
import { CHANNELS, type RecordKind, type RowError, type Source } from '../../server/ingest/types';
import { openStore, type Store } from '../../server/store';
import { tableCounts } from '../support/snapshot';
import { generatedFile, type GeneratedFile } from './csv-files';
import { SECRET } from './fixture';

/** Readers alone are cheap; imports run a transaction each; uploads add HTTP and multipart. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const NAME = 'fuzz.csv';

const source = (file: GeneratedFile): Source => ({ name: NAME, size: file.bytes.length, open: () => Readable.from([file.bytes]) });

/** A row error names a real place: a line of the file, a column from 1, and words. */
function expectPlace(e: RowError, file: GeneratedFile): void {
  expect(e.line, e.message).toBeGreaterThanOrEqual(1);
  expect(e.line, e.message).toBeLessThanOrEqual(file.lines + 1);
  expect(e.column, e.message).toBeGreaterThanOrEqual(1);
  expect(e.message.length).toBeGreaterThan(5);
  expect(e.message).not.toMatch(/undefined|\[object /);
}

const usable = (text: unknown) => typeof text === 'string' && text.length > 0 && !text.includes('\u0000');
const day = (d: unknown) => d instanceof Date && Number.isFinite(d.getTime());

/** What the store is handed must be storable: no empty keys, no NaN, no invalid date, no NUL. */
function expectStorable(kind: RecordKind, r: any): void {
  const strings = JSON.stringify(r);
  expect(strings.includes('\\u0000'), strings.slice(0, 200)).toBe(false);
  switch (kind) {
    case 'orders':
      expect(usable(r.invoice) && Number.isInteger(r.lineNo) && r.lineNo >= 1, strings).toBe(true);
      expect([r.quantity, r.unitPrice, r.amount].every(Number.isFinite) && day(r.orderedAt), strings).toBe(true);
      expect(r.customerExternalId === null || usable(r.customerExternalId), strings).toBe(true);
      return;
    case 'customers':
      expect(usable(r.externalId), strings).toBe(true);
      return;
    case 'interactions':
      expect(usable(r.externalId) && CHANNELS.includes(r.channel) && day(r.occurredAt) && typeof r.text === 'string', strings).toBe(true);
      return;
    case 'relationships':
      expect(usable(r.sourceExternalId) && usable(r.targetExternalId) && usable(r.kind) && Number.isFinite(r.weight), strings).toBe(true);
  }
}

/** A file-level refusal: one of the known codes, naming the file. */
function expectFileRefusal(err: unknown): void {
  if (!(err instanceof ImportError)) throw err;
  expect(IMPORT_ERROR_CODES).toContain(err.code);
  expect(err.message).toContain(NAME);
}

describe('fuzzed CSV imports', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store?.close());

  it('readers turn every generated file into records the store can hold, row errors with a place, or a file-level refusal', async () => {
    await fc.assert(
      fc.asyncProperty(generatedFile, async (file) => {
        let rows;
        try {
          ({ rows } = await readRecords(source(file), file.kind, { format: file.format }));
        } catch (err) {
          return expectFileRefusal(err);
        }
        for await (const row of rows) {
          if ('error' in row) expectPlace(row.error, file);
          else expectStorable(file.kind, row.record);
        }
      }),
      { numRuns: Math.ceil(RUNS * 1.5) },
    );
  }, 120_000);

  it('imports all or nothing: a rejection names file:line:column and leaves the store as it was', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(generatedFile, fc.boolean(), async (file, skipInvalid) => {
        const before = await tableCounts(store);
        try {
          const summary = await importSource(store, file.kind, source(file), { tenant: 'fuzz', format: file.format, skipInvalid });
          for (const e of summary.rejected) expectPlace(e, file);
          return;
        } catch (err) {
          if (err instanceof ImportRejectedError) {
            rejected++;
            for (const e of err.errors) expectPlace(e, file);
            const places = err.message.split('\n').slice(1).filter((line) => !line.startsWith('…'));
            for (const line of places) expect(line).toMatch(/^fuzz\.csv:\d+:\d+: \S/);
            expect(places.length === Math.min(20, err.errors.length)).toBe(true);
          } else {
            expectFileRefusal(err);
          }
        }
        expect(await tableCounts(store)).toEqual(before);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    // The generator must reach the interesting path, not only files refused whole.
    expect(rejected).toBeGreaterThan(RUNS / 20);
  }, 120_000);

  it('answers importFile uploads over HTTP with a result or a coded error, never a 500, and stores nothing when refusing', async () => {
    await createTenant(store, 'upload');
    const { key } = await createKey(store, 'upload', 'write');
    const app = createApp({ store, tokenSecret: SECRET, rateLimit: { keyRate: 1e6, keyBurst: 1e6 } });
    const server = createHttpServer({ app });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const query = `mutation($kind: RecordKind!, $file: File!) { importFile(kind: $kind, file: $file) { accepted rejectedCount errors { line column message } } }`;
    try {
      await fc.assert(
        fc.asyncProperty(generatedFile, async (file) => {
          const before = await tableCounts(store);
          const form = new FormData();
          form.append('operations', JSON.stringify({ query, variables: { kind: file.kind, file: null } }));
          form.append('map', JSON.stringify({ 0: ['variables.file'] }));
          form.append('0', new Blob([new Uint8Array(file.bytes)]), NAME);
          const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
          const text = await res.text();
          expect(res.status, text.slice(0, 300)).toBeLessThan(500);
          const body = JSON.parse(text);
          const result = body.data?.importFile;
          if (result?.accepted) return;
          if (result) {
            expect(result.rejectedCount).toBeGreaterThan(0);
            for (const e of result.errors) expectPlace({ ...e }, file);
          } else {
            expect(body.errors?.[0]?.extensions?.code, text.slice(0, 300)).toBe('BAD_USER_INPUT');
            expect(body.errors[0].message).toContain(NAME);
          }
          expect(await tableCounts(store)).toEqual(before);
        }),
        { numRuns: Math.ceil(RUNS / 10) },
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);
});
