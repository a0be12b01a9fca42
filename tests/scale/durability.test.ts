import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type OpenStoreOptions } from '../../server/store';
import { startCli, waitForOutput } from '../support/cli';
import { tempFiles } from '../support/files';
import { freshDatabase } from '../support/services';

const files = tempFiles('rapport-durability-');
const LINES = 10;

interface Case {
  name: string;
  setup(): Promise<{ args: string[]; store: OpenStoreOptions; cleanup(): Promise<void> }>;
}

const cases: Case[] = [
  { name: 'PGlite data directory', setup: async () => { const dir = path.join(files.dir, 'store'); return { args: ['--data', dir], store: { dataDir: dir }, cleanup: async () => {} }; } },
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: the durability test runs on PostgreSQL there.');
if (pgUrl) {
  cases.push({ name: 'PostgreSQL', setup: async () => { const db = await freshDatabase(pgUrl); return { args: ['--database-url', db.url], store: { databaseUrl: db.url }, cleanup: () => db.drop() }; } });
} else {
  console.warn('TEST_DATABASE_URL is not set: the durability test runs on PGlite only.');
}

async function serve(args: string[]) {
  const child = startCli(['serve', '--dev', '--port', '0', '--log-level', 'warn', ...args]);
  const url = (await waitForOutput(child, /serving (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  return { child, url };
}

const post = (url: string, query: string, variables?: unknown) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

/** Batch k: LINES order lines of invoice D<k>-<i> for customer d<k>, so each batch is one new customer. */
const batch = (k: number) =>
  Array.from({ length: LINES }, (_, i) => ({ invoice: `D${k}-${i}`, customerExternalId: `d${k}`, orderedAt: '2024-03-01T10:00:00Z', quantity: 1, unitPrice: 2 }));

describe('a server killed with SIGKILL during imports and queries', () => {
  const children: ReturnType<typeof startCli>[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  for (const c of cases) {
    it(`${c.name}: after a restart every acknowledged batch is there, whole, and nothing unacknowledged but the one in flight`, async () => {
      const { args, store, cleanup } = await c.setup();
      try {
        const first = await serve(args);
        children.push(first.child);
        const acked: number[] = [];
        let inFlight = -1;
        let killed = false;
        // Readers beside the writer, as a real server has: the kill lands among queries too.
        const readers = Array.from({ length: 2 }, async () => {
          while (!killed) await post(first.url, '{ rfm { customerCount } customers(first: 5) { totalCount } }').then((r) => r.text(), () => null);
        });
        for (let k = 0; !killed; k++) {
          inFlight = k;
          const sent = post(first.url, 'mutation($o: [OrderInput!]!) { addOrders(input: $o) { accepted inserted } }', { o: batch(k) });
          if (acked.length >= 8) {
            // Kill while this batch is on its way: it may or may not commit, but never in part.
            setTimeout(() => { killed = true; first.child.kill('SIGKILL'); }, 5 + (k % 5));
          }
          const body = (await sent.then((r) => r.json(), () => null)) as any;
          if (body?.data?.addOrders?.accepted) acked.push(k);
          else if (!killed) throw new Error(`batch ${k} refused: ${JSON.stringify(body)}`);
        }
        // The process may already be gone by now: wait only if it has not closed yet.
        if (first.child.exitCode === null && first.child.signalCode === null) {
          await new Promise((resolve) => first.child.once('close', resolve));
        }
        await Promise.all(readers);

        const second = await serve(args);
        children.push(second.child);
        const after = (await (await post(second.url, '{ rfm { customerCount } }')).json()) as any;
        second.child.kill('SIGTERM');
        expect(await new Promise((resolve) => second.child.once('close', resolve))).toBe(0);

        const db = await openStore(store);
        const rows = await db.query<{ invoice: string }>(`SELECT invoice FROM orders WHERE tenant_id = 'default'`);
        await db.close();
        const lines = new Map<number, number>();
        for (const r of rows) {
          const k = Number(/^D(\d+)-/.exec(r.invoice)![1]);
          lines.set(k, (lines.get(k) ?? 0) + 1);
        }
        for (const k of acked) expect(lines.get(k), `acknowledged batch ${k}`).toBe(LINES);
        for (const [k, n] of lines) {
          expect(n, `batch ${k} is whole`).toBe(LINES);
          expect(acked.includes(k) || k === inFlight, `batch ${k} was acknowledged or in flight`).toBe(true);
        }
        // The per-customer aggregates were committed with the rows: one customer per batch present.
        expect(after.data.rfm.customerCount).toBe(lines.size);
        console.log(`${c.name}: ${acked.length} batches acknowledged, batch ${inFlight} in flight at the kill: ${lines.has(inFlight) ? 'committed' : 'absent'}`);
      } finally {
        await cleanup();
      }
    });
  }
});
