/**
 * Acceptance on UCI Online Retail (issue 3): the paper's default map gives exactly the reference counts, the
 * frequency means of the paper's Table 1 within 0.05, and every customer's scores agree with bench/rfm-pandas.py.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeRfm, type RfmResult } from './rfm';
import { dataFile } from './testing/data-dir';
import { loadOnlineRetail, type OnlineRetail } from './testing/online-retail';

const FILE = dataFile('online-retail', 'online_retail.csv.gz');

const EXPECTED_COUNTS = {
  champions: 633,
  loyal_customers: 827,
  potential_loyalists: 492,
  new_customers: 42,
  promising: 100,
  need_attention: 186,
  about_to_sleep: 351,
  at_risk: 580,
  cant_lose: 63,
  hibernating: 1065,
};

/** Table 1 of the seed paper, frequency means. */
const TABLE_1_FREQUENCY_MEAN = {
  about_to_sleep: 1.17,
  at_risk: 2.88,
  cant_lose: 8.38,
  champions: 12.43,
  hibernating: 1.1,
  loyal_customers: 6.49,
  need_attention: 2.33,
  new_customers: 1.0,
  potential_loyalists: 2.02,
  promising: 1.0,
};

describe.skipIf(!FILE)('RFM on UCI Online Retail', () => {
  let data: OnlineRetail;
  let result: RfmResult;
  beforeAll(() => {
    data = loadOnlineRetail(FILE!);
    result = computeRfm(data.activity);
  });

  it('scores 4,339 customers to 2011-12-10 12:50 (latest order + 1 day)', () => {
    expect(result.customerCount).toBe(4339);
    expect(result.asOf?.toISOString()).toBe('2011-12-10T12:50:00.000Z');
    expect(Array.from(result.edges.recency)).toEqual([1, 13.600000000000023, 33, 72, 179, 374]);
  });

  it('gives exactly the reference segment counts', () => {
    const counts = Object.fromEntries(result.segments.map((s) => [s.name, s.customerCount]));
    expect(counts).toEqual(EXPECTED_COUNTS);
    expect(result.segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
  });

  it("matches the paper's frequency means within 0.05", () => {
    for (const s of result.segments) {
      const paper = TABLE_1_FREQUENCY_MEAN[s.name as keyof typeof TABLE_1_FREQUENCY_MEAN];
      expect(Math.abs(s.frequency.mean! - paper), s.name).toBeLessThan(0.05);
    }
  });

  it('daily activity keeps distinct invoices per customer', () => {
    const invoices = new Map<string, Set<string>>();
    for (const l of data.lines) {
      if (l.customerId === null || l.invoice.startsWith('C') || l.quantity <= 0) continue;
      let set = invoices.get(l.customerId);
      if (!set) invoices.set(l.customerId, (set = new Set()));
      set.add(l.invoice);
    }
    data.customerIds.forEach((id, c) => expect(result.frequency[c]).toBe(invoices.get(id)?.size ?? 0));
  });

  const PYTHON = '/usr/bin/python3';
  const hasPandas = existsSync(PYTHON) && (() => {
    try {
      execFileSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasPandas)('agrees with bench/rfm-pandas.py on every customer', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rapport-rfm-'));
    try {
      const out = path.join(dir, 'scores.csv');
      const script = path.join(import.meta.dirname, '../../../bench/rfm-pandas.py');
      const report = JSON.parse(execFileSync(PYTHON, [script, FILE!, '--repeat', '1', '--scores', out], { encoding: 'utf8' }));
      expect(report.segments).toEqual(Object.fromEntries(result.segmentNames.map((n) => [n, EXPECTED_COUNTS[n as keyof typeof EXPECTED_COUNTS]])));
      const index = new Map(data.customerIds.map((id, c) => [id, c]));
      const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
      expect(rows).toHaveLength(4339);
      for (const row of rows) {
        const [id, recency, frequency, monetary, r, f, m, segment] = row.split(',');
        const c = index.get(id!)!;
        expect([result.recency[c], result.frequency[c], result.r[c], result.f[c], result.m[c]], id).toEqual(
          [recency, frequency, r, f, m].map(Number),
        );
        expect(result.segmentNames[result.segment[c]!]).toBe(segment);
        // Only the summation order differs: pandas adds lines, the engine adds daily totals.
        expect(Math.abs(result.monetary[c]! - Number(monetary))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(Number(monetary))));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
