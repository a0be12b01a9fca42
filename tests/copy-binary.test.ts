/**
 * Binary COPY rows (server/store/copy-binary.ts) must store exactly what the same values as COPY text store: the
 * same numerics to the last digit and scale, the same instants, NULLs, text in any script. Checked by loading both
 * into the database and comparing what it reads back as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryRows, copyLine, StoreError, type Store } from '../server/store';
import { storeCases } from './support/stores';

const COLUMNS = ['tenant_id', 'n', 'at', 'label', 'id', 'flag', 'k'] as const;

function values(): number[] {
  const list = [0, -0, 1, -1, 2.55, 2.5, 0.05, -0.05, 15.3, 0.1 + 0.2, 1e-7, 1.25e-7, 123456.78, -3.1, 1 / 3, 1e21, 1.5e21,
    2 ** 53, 9.999, 10_000, 99_999_999.99, -0.0001, 12345678901234.56];
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 3000; i++) {
    list.push(Math.round(random() * 1e7) / 100 - 20_000); // cents, as prices and amounts are
    list.push((random() - 0.5) * 10 ** (Math.floor(random() * 30) - 10)); // anything
  }
  return list;
}

describe.each(storeCases())('binary COPY rows on $name', ({ open }) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await store.query(`CREATE TABLE copy_check (tenant_id text, n numeric, at timestamptz, label text, id bigint, flag boolean, k int, via text)`);
  });
  afterAll(() => store?.close());

  it('store what the same values as text store', async () => {
    const numbers = values();
    const times = numbers.map((_, i) => new Date(Date.UTC(1990 + (i % 60), i % 12, 1 + (i % 28), i % 24, i % 60, i % 60, i % 1000)));
    const labels = numbers.map((_, i) => [null, 'plain', 'tab\there', 'line\nbreak', 'back\\slash', 'façade', '東京', '🙂'][i % 8]!);
    const ids = numbers.map((_, i) => (i % 5 === 0 ? null : i * 7_919_000_003 - 1e12));
    const rows = new BinaryRows();
    let text = '';
    for (let i = 0; i < numbers.length; i++) {
      rows.row(COLUMNS.length).text('t').numeric(numbers[i]!).timestamp(times[i]!).text(labels[i]).int8(ids[i]!).bool(i % 3 === 0).int4(i - 1500);
      text += copyLine(['t', numbers[i], times[i], labels[i], ids[i], i % 3 === 0, i - 1500]);
    }
    await store.transaction(async (tx) => {
      const copy = await tx.openCopy('copy_check', COLUMNS, 'binary');
      await copy.write(rows.take());
      await copy.end();
      await tx.query(`UPDATE copy_check SET via = 'binary'`);
      await tx.copyIn('copy_check', COLUMNS, text);
      await tx.query(`UPDATE copy_check SET via = 'text' WHERE via IS NULL`);
    });
    const read = (via: string) =>
      store.query<{ r: string }>(`SELECT concat_ws('|', n::text, scale(n), at, coalesce(label, '∅'), coalesce(id::text, '∅'), flag, k) AS r
        FROM copy_check WHERE via = $1 ORDER BY k`, [via]);
    const [binary, asText] = [await read('binary'), await read('text')];
    expect(binary.length).toBe(numbers.length);
    expect(binary).toEqual(asText);
  });

  it('refuse what a column cannot hold, and rows of another tenant in a scoped store', async () => {
    expect(() => new BinaryRows().numeric(Number.NaN)).toThrow(/cannot copy the number NaN/);
    expect(() => new BinaryRows().int8(2 ** 60)).toThrow(/not a safe integer/);
    expect(() => new BinaryRows().timestamp(new Date(Number.NaN))).toThrow(/invalid date/);
    const scoped = store.forTenant('acme');
    const rows = new BinaryRows();
    rows.row(2).text('acme').text('ok').row(2).text('other').text('no');
    await expect(
      scoped.transaction(async (tx) => {
        const copy = await tx.openCopy('customers', ['tenant_id', 'external_id'], 'binary');
        await copy.write(rows.take());
        await copy.end();
      }),
    ).rejects.toThrow(StoreError);
  });
});
