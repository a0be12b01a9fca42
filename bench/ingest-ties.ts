/**
 * Relationship imports, side by side in one run: the SNAP edge lists ego-Facebook (88,234 ties) and email-Eu-core
 * (25,571) imported by Rapport into PGlite (on disk) and PostgreSQL — into a fresh tenant, the same file again
 * (nothing changes), and the file twice over in one import (every tie repeated, so every line is merged).
 *
 *   npx tsx bench/ingest-ties.ts [runs=1]      (needs ../shared/data and a local PostgreSQL)
 *
 * Each line gives wall seconds and Node's CPU seconds (PGlite runs inside Node) and the load average: the machine
 * is shared, so wall time alone says little.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { importSource } from '../server/ingest/import-source';
import { fileSource } from '../server/ingest/read-records';
import type { Source } from '../server/ingest/types';
import { openStore, type Store } from '../server/store';
import { dataFile } from '../tests/support/data';
import { openFreshPostgres } from '../tests/support/stores';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.argv[2] ?? 1);
const FILES = [
  { name: 'ego-Facebook', file: dataFile('ego-facebook', 'facebook_combined.txt'), ties: 88_234 },
  { name: 'email-Eu-core', file: dataFile('email-eu-core', 'email-Eu-core.txt'), ties: 25_571 },
];

const nodeCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** The file's bytes twice, as one source: every tie is named twice in one import. */
function doubled(file: string): Source {
  const bytes = readFileSync(file);
  const both = Buffer.concat([bytes, Buffer.from('\n'), bytes]);
  return { name: `${path.basename(file)} ×2`, size: both.length, open: () => new Blob([both]).stream() };
}

async function timed(store: Store, source: Source, tenant: string) {
  const [started, cpu0] = [performance.now(), nodeCpu()];
  const s = await importSource(store, 'relationships', source, { tenant });
  return { seconds: (performance.now() - started) / 1000, cpu: nodeCpu() - cpu0, inserted: s.inserted, updated: s.updated, merged: s.merged };
}

async function bench(storeName: string, open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
  for (const { name, file, ties } of FILES) {
    const { store, done } = await open();
    try {
      const cases = [
        ['fresh', () => timed(store, fileSource(file), 'a')],
        ['again', () => timed(store, fileSource(file), 'a')],
        ['file ×2', () => timed(store, doubled(file), 'b')],
      ] as const;
      for (const [label, run] of cases) {
        const t = await run();
        console.log(
          `${storeName.padEnd(10)} ${name.padEnd(13)} ${label.padEnd(8)} ${t.seconds.toFixed(2).padStart(6)} s  ` +
            `${Math.round(ties / t.seconds).toString().padStart(7)} ties/s  Node CPU ${t.cpu.toFixed(2)} s  ` +
            `(${t.inserted} new, ${t.updated} updated, ${t.merged} added up)`,
        );
      }
    } finally {
      await store.close();
      await done();
    }
  }
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`Relationship imports, ${new Date().toISOString()}, load average ${load()}`);
for (let run = 0; run < RUNS; run++) {
  await bench('PostgreSQL', async () => ({ store: await openFreshPostgres(PG_URL), done: async () => {} }));
  await bench('PGlite', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-'));
    return { store: await openStore({ dataDir: dir }), done: async () => rmSync(dir, { recursive: true, force: true }) };
  });
}
console.log(`load average after: ${load()}`);
