import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../server/store';
import { runCli, startCli, waitForOutput } from './support/cli';
import { dataFile, describeWithData } from './support/data';
import { tempFiles } from './support/files';

const files = tempFiles('rapport-cli-');
const ORDERS = 'invoice,customer_id,ordered_at,quantity,unit_price\nK1,k1,2024-01-02,2,3.5\nK2,k2,2024-01-03,1,1\n';

describe('rapport CLI', () => {
  const children: ReturnType<typeof startCli>[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('explains a bad command in one sentence with exit code 2', async () => {
    const run = await runCli(['import', 'widgets', 'x.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"widgets" is not something Rapport imports; use one of customers, orders, interactions, relationships\./);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a store a running server holds, points at --server, and --server imports through it; SIGTERM stops cleanly', async () => {
    const data = path.join(files.dir, 'served');
    const server = startCli(['serve', '--dev', '--port', '0', '--data', data]);
    children.push(server);
    const [, url] = await waitForOutput(server, /serving (http:\/\/127\.0\.0\.1:\d+)/);
    const file = files.write('orders.csv', ORDERS);

    const direct = await runCli(['import', 'orders', file, '--data', data]);
    expect(direct.code).toBe(1);
    expect(direct.stderr.trim()).toBe(
      `rapport: The store in ${data} is in use by a running Rapport server (pid ${server.pid}, ${url}). Stop it first, or send the file to it with --server ${url}.`,
    );

    const reclassify = await runCli(['reclassify', '--data', data]);
    expect(reclassify.code).toBe(1);
    expect(reclassify.stderr.trim()).toBe(
      `rapport: The store in ${data} is in use by a running Rapport server (pid ${server.pid}, ${url}). Stop it first: ` +
        'reclassify needs a PGlite store to itself (a PostgreSQL store, --database-url, can be shared).',
    );

    const viaServer = await runCli(['import', 'orders', file, '--server', url!]);
    expect(viaServer.code).toBe(0);
    expect(viaServer.stdout).toMatch(/2 rows read, 2 new/);
    const health = await fetch(`${url}/readyz`);
    expect(health.status).toBe(200);

    server.kill('SIGTERM');
    const code = await new Promise((resolve) => server.on('close', resolve));
    expect(code).toBe(0);
    expect(existsSync(path.join(data, 'rapport.lock'))).toBe(false);
    const store = await openStore({ dataDir: data });
    const [row] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders`);
    await store.close();
    expect(row!.n).toBe(2);
  });

  it('says in one sentence when its port is taken, and leaves the store free', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const data = path.join(files.dir, 'port-taken');
    const run = await runCli(['serve', '--dev', '--port', String(port), '--data', data]);
    await new Promise((resolve) => taken.close(resolve));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `rapport: Port ${port} on 127.0.0.1 is already in use by another program: stop it, or choose another port with --port N (env PORT).`,
    );
    expect(existsSync(path.join(data, 'rapport.lock'))).toBe(false);
  });

  it('serves with the sentiment model --sentiment-model names, and refuses an unknown one before opening anything', async () => {
    const data = path.join(files.dir, 'no-model');
    const run = await runCli(['serve', '--port', '0', '--data', data, '--sentiment-model', 'gpt-9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/There is no sentiment model "gpt-9"; available: linear, fast, .*ensemble, quality\./);
    expect(existsSync(data)).toBe(false);

    const server = startCli(['serve', '--dev', '--port', '0', '--data', path.join(files.dir, 'quality-served'), '--sentiment-model', 'quality']);
    children.push(server);
    const [, url] = await waitForOutput(server, /serving (http:\/\/127\.0\.0\.1:\d+)/);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ classify(texts: ["Thank you, wonderful crew!"]) { label modelId } }' }),
    });
    expect((await res.json()).data.classify).toEqual([{ label: 'positive', modelId: 'quality' }]);
    // The page's default is the server's too, so classify="local" gives the API's labels.
    const page = await fetch(`${url}/models/default.json`);
    expect(page.headers.get('content-type')).toBe('application/json');
    expect(await page.json()).toMatchObject({ model: 'quality', reason: expect.stringMatching(/^Set for this server/) });
    server.kill('SIGTERM');
    await new Promise((resolve) => server.on('close', resolve));
  });

  it('classifies imported interactions with the model --sentiment-model names, and refuses an unknown one', async () => {
    const data = path.join(files.dir, 'quality');
    const file = files.write('notes.csv', 'external_id,channel,occurred_at,text,customer_external_id\n' +
      'n1,chat,2024-01-02T10:00:00Z,"Thank you, the support was wonderful!",c1\n' +
      'n2,email,2024-01-03T10:00:00Z,"My order arrived broken and nobody answers. Terrible.",c1\n');
    const unknown = await runCli(['import', 'interactions', file, '--data', data, '--sentiment-model', 'gpt-9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/There is no sentiment model "gpt-9"; available: .*quality/);
    const orders = await runCli(['import', 'orders', files.write('o.csv', ORDERS), '--data', data, '--sentiment-model', 'quality']);
    expect(orders.code).toBe(2);
    expect(orders.stderr).toMatch(/applies to interactions only/);

    const run = await runCli(['import', 'interactions', file, '--data', data, '--sentiment-model', 'quality']);
    expect(run.code).toBe(0);
    const store = await openStore({ dataDir: data });
    const rows = await store.query<{ external_id: string; predicted_label: string; model_id: string }>(
      `SELECT external_id, predicted_label, model_id FROM interactions ORDER BY external_id`,
    );
    await store.close();
    expect(rows).toEqual([
      { external_id: 'n1', predicted_label: 'positive', model_id: 'quality' },
      { external_id: 'n2', predicted_label: 'negative', model_id: 'quality' },
    ]);
  });

  it('reclassifies a tenant with the model it names, with progress, and refuses what it cannot do in one sentence', async () => {
    const data = path.join(files.dir, 'reclassify');
    const file = files.write('notes2.csv', 'external_id,channel,occurred_at,text,customer_external_id\n' +
      'r1,chat,2024-01-02T10:00:00Z,"Thank you, the support was wonderful!",c1\n' +
      'r2,email,2024-01-03T10:00:00Z,"My order arrived broken and nobody answers. Terrible.",c1\n');
    expect((await runCli(['import', 'interactions', file, '--data', data])).code).toBe(0);

    const run = await runCli(['reclassify', '--data', data, '--sentiment-model', 'fast', '--progress-lines']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Reclassified 2 interactions of tenant default with fast in [\d.]+ s: \d changed label\.$/m);
    expect(run.stderr).toContain('progress reclassifying default 2/2 interactions');
    const store = await openStore({ dataDir: data });
    const rows = await store.query<{ model_id: string }>(`SELECT model_id FROM interactions ORDER BY external_id`);
    await store.close();
    expect(rows).toEqual([{ model_id: 'fast' }, { model_id: 'fast' }]);

    for (const [args, message] of [
      [['--tenant', 'nobody'], 'rapport: There is no tenant "nobody" in this store.'],
      [['--tenant', 'Not A Tenant!'], 'rapport: "Not A Tenant!" is not a tenant id.'],
      [['--sentiment-model', 'gpt-9'], /^rapport: There is no sentiment model "gpt-9"; available: /],
    ] as const) {
      const refused = await runCli(['reclassify', '--data', data, ...args]);
      expect(refused.code, args.join(' ')).toBe(2);
      if (typeof message === 'string') expect(refused.stderr.trim()).toBe(message);
      else expect(refused.stderr.trim()).toMatch(message);
    }
  });
});

describeWithData('an import killed with SIGKILL', () => {
  it('leaves none of that import, and the next import succeeds', async () => {
    const data = path.join(files.dir, 'killed');
    const seed = await runCli(['import', 'orders', files.write('seed.csv', ORDERS), '--data', data]);
    expect(seed.code).toBe(0);

    const child = startCli(['import', 'orders', dataFile('online-retail', 'online_retail.csv.gz'), '--data', data, '--progress-lines']);
    // Kill it once a good part of the file has been read and written, well before the commit.
    await waitForOutput(child, /progress importing orders (\d{7,})\//);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));

    const store = await openStore({ dataDir: data });
    const counts = await store.query<{ orders: number; imports: number }>(
      `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM imports) AS imports`,
    );
    await store.close();
    expect(counts[0]).toEqual({ orders: 2, imports: 1 });

    const next = await runCli(['import', 'customers', files.write('people.csv', 'external_id,name\np1,Pat\n'), '--data', data]);
    expect(next.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/1 new/);
  });
});
