import { expect, it } from 'vitest';
import { dataFile, describeWithData } from '../../tests/support/data';
import { fileSource, readRecords } from './read-records';
import type { ParsedRow, RecordKind, RecordOf, RowError } from './types';

/** Streams a real file, handing each record to `each`; returns the row and error counts. */
async function scan<K extends RecordKind>(
  file: string,
  kind: K,
  each: (record: RecordOf[K]) => void,
): Promise<{ format: string; rows: number; errors: RowError[] }> {
  const { format, rows } = await readRecords(fileSource(file), kind);
  let count = 0;
  const errors: RowError[] = [];
  for await (const row of rows as AsyncIterable<ParsedRow<RecordOf[K]>>) {
    count++;
    if ('error' in row) errors.push(row.error);
    else each(row.record);
  }
  return { format, rows: count, errors };
}

describeWithData('readers on the real data sets', () => {
  it('reads all of Online Retail: counts and Σ amount to the cent', async () => {
    let guests = 0;
    let cents = 0;
    let cancelled = 0;
    const customers = new Set<string>();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await scan(dataFile('online-retail', 'online_retail.csv.gz'), 'orders', (order) => {
      if (order.customerExternalId === null) guests++;
      else customers.add(order.customerExternalId);
      if (order.cancelled) cancelled++;
      cents += Math.round(order.amount * 100);
    });
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    console.info(`Online Retail: ${Math.round(performance.now() - started)} ms wall, ${Math.round(cpuMs)} ms CPU`);
    expect(result).toEqual({ format: 'online-retail', rows: 541_909, errors: [] });
    expect(guests).toBe(135_080);
    expect(customers.size).toBe(4_372);
    expect(cancelled).toBe(9_288);
    expect(cents).toBe(974_774_793);
  });

  it('reads Online Retail customers once each', async () => {
    const ids = new Set<string>();
    let rows = 0;
    const result = await scan(dataFile('online-retail', 'online_retail.csv.gz'), 'customers', (customer) => {
      rows++;
      ids.add(customer.externalId);
    });
    expect(result.errors).toEqual([]);
    expect(rows).toBe(4_372);
    expect(ids.size).toBe(4_372);
  });

  it('reads the CDNOW master file', async () => {
    const customers = new Set<string>();
    let cds = 0;
    let cents = 0;
    const result = await scan(dataFile('cdnow', 'CDNOW_master.txt'), 'orders', (order) => {
      customers.add(order.customerExternalId!);
      cds += order.quantity;
      cents += Math.round(order.amount * 100);
    });
    expect(result).toEqual({ format: 'cdnow', rows: 69_659, errors: [] });
    expect(customers.size).toBe(23_570);
    expect(customers.has('00001')).toBe(true);
    expect(cds).toBe(167_881);
    expect(cents).toBe(250_031_563);
  });

  it('reads every airline tweet under its own key', async () => {
    const ids = new Set<string>();
    const labels: Record<string, number> = {};
    const result = await scan(dataFile('airline-tweets', 'Tweets.csv'), 'interactions', (tweet) => {
      ids.add(tweet.externalId);
      labels[tweet.goldLabel!] = (labels[tweet.goldLabel!] ?? 0) + 1;
    });
    expect(result).toEqual({ format: 'airline-tweets', rows: 14_640, errors: [] });
    expect(ids.size).toBe(14_640);
    expect(labels).toEqual({ negative: 9_178, neutral: 3_099, positive: 2_363 });
  });

  it('reads email-Eu-core as relationships and as its 1,005 nodes', async () => {
    const nodes = new Set<string>();
    const pairs = new Set<string>();
    const edges = await scan(dataFile('email-eu-core', 'email-Eu-core.txt'), 'relationships', (edge) => {
      nodes.add(edge.sourceExternalId);
      nodes.add(edge.targetExternalId);
      pairs.add(`${edge.sourceExternalId} ${edge.targetExternalId}`);
    });
    expect(edges).toEqual({ format: 'edgelist', rows: 25_571, errors: [] });
    expect(pairs.size).toBe(25_571);
    expect(nodes.size).toBe(1_005);
    const customers = await scan(dataFile('email-eu-core', 'email-Eu-core.txt'), 'customers', () => undefined);
    expect(customers).toEqual({ format: 'edgelist', rows: 1_005, errors: [] });
  });

  it('reads ego-Facebook', async () => {
    const nodes = new Set<string>();
    const result = await scan(dataFile('ego-facebook', 'facebook_combined.txt'), 'relationships', (edge) => {
      nodes.add(edge.sourceExternalId);
      nodes.add(edge.targetExternalId);
    });
    expect(result).toEqual({ format: 'edgelist', rows: 88_234, errors: [] });
    expect(nodes.size).toBe(4_039);
  });
});
