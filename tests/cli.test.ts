import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../server/store';
import { STORE_SECRET_NOTE } from '../server/cli/token';
import { tenantIdMessage } from '../server/store/tenant-scope';
import { runCli, startCli, waitForOutput } from './support/cli';
import { dataFile, describeWithData } from './support/data';
import { tempFiles } from './support/files';
import { storeBefore } from './support/migrations';

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
    const unknown = await runCli(['import', 'orders', 'x.csv', '--bogus']);
    expect([unknown.code, unknown.stderr.split('\n')[0]]).toEqual([2, "rapport: unknown option '--bogus'"]);
  });

  it('refuses a tenant id that is not one in one sentence, for every command that takes one, before opening a store', async () => {
    const data = path.join(files.dir, 'bad-tenant');
    const file = files.write('orders-bad-tenant.csv', ORDERS);
    for (const [args, id] of [
      [['import', 'orders', file, '--tenant', 'Bad Tenant'], 'Bad Tenant'],
      [['import', 'orders', file, '--tenant', 'Acme'], 'Acme'],
      [['key', 'create', '--tenant', 'Ghost'], 'Ghost'],
      [['key', 'list', '--tenant', 'Ghost'], 'Ghost'],
      [['tenant', 'origins', 'Ghost'], 'Ghost'],
      [['tenant', 'create', 'Ghost'], 'Ghost'],
    ] as const) {
      const run = await runCli([...args, '--data', data]);
      expect(run.stderr.trim(), args.join(' ')).toBe(`rapport: ${tenantIdMessage(id)}`);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(data)).toBe(false);
  });

  it('refuses a RAPPORT_TOKEN_SECRET shorter than 32 characters in one sentence: serve at start, token when minting', async () => {
    const data = path.join(files.dir, 'short-secret');
    const env = { RAPPORT_TOKEN_SECRET: 'too-short' };
    const message = 'rapport: RAPPORT_TOKEN_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`).';
    const serve = await runCli(['serve', '--port', '0', '--data', data], env);
    expect(serve.stderr.trim()).toBe(message);
    expect(serve.code).toBe(2);
    expect(existsSync(path.join(data, 'rapport.lock'))).toBe(false);

    expect((await runCli(['tenant', 'create', 'short', '--data', data])).code).toBe(0);
    const key = await runCli(['key', 'create', '--tenant', 'short', '--data', data]);
    expect(key.code).toBe(0);
    const token = await runCli(['token', '--key', key.stdout.trim(), '--data', data], env);
    expect(token.stderr.trim()).toBe(message);
    expect(token.code).toBe(1);
  });

  it('says when a token it mints from the store is signed with the store\'s secret, which servers with RAPPORT_TOKEN_SECRET refuse', async () => {
    const data = path.join(files.dir, 'store-secret');
    expect((await runCli(['tenant', 'create', 'signs', '--data', data])).code).toBe(0);
    const key = (await runCli(['key', 'create', '--tenant', 'signs', '--data', data])).stdout.trim();
    const fromStore = await runCli(['token', '--key', key, '--data', data], { RAPPORT_TOKEN_SECRET: undefined });
    expect(fromStore.code).toBe(0);
    expect(fromStore.stderr).toContain(STORE_SECRET_NOTE);
    const fromEnv = await runCli(['token', '--key', key, '--data', data], { RAPPORT_TOKEN_SECRET: 'x'.repeat(40) });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stderr).not.toContain('RAPPORT_TOKEN_SECRET');
    expect(fromEnv.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('says when it upgrades a store, migration by migration, and is silent when it creates one', async () => {
    const data = path.join(files.dir, 'old-store');
    const { store } = await storeBefore('007', data);
    await store.close();
    const upgraded = await runCli(['tenant', 'create', 'old', '--data', data]);
    expect(upgraded.code).toBe(0);
    expect(upgraded.stderr).toMatch(/^rapport: upgrading the store: 007_tenant_sequence…\nrapport: 007_tenant_sequence done in \d+\.\d s\.$/m);
    const again = await runCli(['tenant', 'create', 'older', '--data', data]);
    const fresh = await runCli(['tenant', 'create', 'new', '--data', path.join(files.dir, 'new-store')]);
    for (const run of [again, fresh]) {
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(/upgrad|done in/);
    }
  });

  it('refuses --rejects without --skip-invalid, and names the field of each rejected row', async () => {
    const data = path.join(files.dir, 'rejects');
    const file = files.write('mixed.csv', 'invoice,ordered_at,quantity,unit_price,customer_id\nS1,2024-03-01,2,5.5,c1\nS2,2024-13-01,1,3,c2\nS3,2024-03-03,abc,3,c2\n');
    const report = path.join(files.dir, 'mixed-rejects.csv');
    const refused = await runCli(['import', 'orders', file, '--data', data, '--rejects', report]);
    expect(refused.stderr.trim()).toBe('rapport: --rejects names the report of --skip-invalid: add --skip-invalid, or drop --rejects.');
    expect(refused.code).toBe(2);

    const run = await runCli(['import', 'orders', file, '--data', data, '--skip-invalid', '--rejects', report]);
    expect(run.code).toBe(0);
    expect(readFileSync(report, 'utf8').split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^3,2,"ordered_at",/),
      expect.stringMatching(/^4,3,"quantity",/),
    ]);
  });

  it('refuses a log level, a thread count or a --server it cannot use in one sentence, with exit code 2', async () => {
    const data = path.join(files.dir, 'loud');
    const levels = 'trace, debug, info, warn, error, fatal, silent';
    for (const [args, env, message] of [
      [['serve', '--port', '0', '--data', data, '--log-level', 'loud'], {}, `--log-level must be one of ${levels}, not "loud".`],
      [['serve', '--port', '0', '--data', data], { LOG_LEVEL: 'loud' }, `LOG_LEVEL must be one of ${levels}, not "loud".`],
      [['serve', '--data', data], { PORT: 'abc' }, '--port (or PORT) must be a port number, not "abc".'],
      [['serve', '--port', '0', '--data', data], { RAPPORT_ANALYTICS_THREADS: 'two' }, 'RAPPORT_ANALYTICS_THREADS must be a whole number from 0 (inline) to 64, not "two".'],
      [['import', 'orders', files.write('o-server.csv', ORDERS), '--server', 'localhost:4322'], {}, '--server must be a URL like http://host:port.'],
      [['token', '--key', 'rpk_000000000000_x', '--server', 'localhost:4322'], {}, '--server must be a URL like http://host:port.'],
    ] as const) {
      const run = await runCli([...args], env);
      expect(run.stderr.trim(), args.join(' ')).toBe(`rapport: ${message}`);
      expect(run.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(data)).toBe(false);
  });

  it("exits 2 on commander's own refusals too, names DATABASE_URL when it is the bad one, and counts one as one", async () => {
    for (const args of [['import', 'orders', 'x.csv', '--bogus'], ['key', 'create', '--tenant', 't', '--scope', 'admin'], ['import']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
    }
    const garbage = await runCli(['key', 'list', '--tenant', 'acme'], { DATABASE_URL: 'garbage' });
    expect(garbage.stderr.trim()).toBe('rapport: DATABASE_URL must start with postgres:// or postgresql://.');

    const data = path.join(files.dir, 'one');
    const nobody = await runCli(['key', 'list', '--tenant', 'ghost', '--data', data]);
    expect(nobody.stderr.trim()).toBe('rapport: There is no tenant ghost; create it with `rapport tenant create ghost`.');
    expect(nobody.code).toBe(1);
    const one = await runCli(['import', 'orders', files.write('one.csv', 'invoice,customer_id,ordered_at,quantity,unit_price\nO1,o1,2024-01-02,2,3.5\n'), '--data', data]);
    expect(one.stdout).toMatch(/: 1 row read, 1 new, 0 updated, 1 customer created, 0 rejected in [\d.]+ s \(\d+ rows?\/s\)\.$/m);
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

    // Credential commands have no --server (token aside): their advice is their own.
    const held = `rapport: The store in ${data} is in use by a running Rapport server (pid ${server.pid}, ${url}).`;
    for (const args of [['tenant', 'create', 'acme'], ['tenant', 'origins', 'default'], ['key', 'create', '--tenant', 'default'], ['key', 'list', '--tenant', 'default']]) {
      const credentials = await runCli([...args, '--data', data]);
      expect(credentials.stderr.trim(), args.join(' ')).toBe(
        `${held} Stop it first, or run the server on PostgreSQL (--database-url) so commands can share the store.`,
      );
      expect(credentials.code).toBe(1);
    }
    const token = await runCli(['token', '--key', 'rpk_000000000000_x', '--data', data]);
    expect(token.stderr.trim()).toBe(`${held} Stop it first, or ask it for the token with --server ${url}.`);

    const viaServer = await runCli(['import', 'orders', file, '--server', url!, '--progress-lines']);
    expect(viaServer.code).toBe(0);
    expect(viaServer.stdout).toMatch(/into tenant default: 2 rows read, 2 new/);
    const size = statSync(file).size;
    expect(viaServer.stderr).toContain(`progress uploading orders.csv to ${new URL(url!).host} ${size}/${size} bytes`);
    expect(viaServer.stderr).toContain('rapport: orders.csv is uploaded (0.0 MB); the server is importing it…');
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
    // Before the store is opened and the demo loaded (which takes many seconds), not after.
    const run = await runCli(['serve', '--dev', '--demo', '--port', String(port), '--data', data]);
    await new Promise((resolve) => taken.close(resolve));
    expect(existsSync(data)).toBe(false);
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
      [['--tenant', 'Not A Tenant!'], `rapport: ${tenantIdMessage('Not A Tenant!')}`],
      [['--sentiment-model', 'gpt-9'], /^rapport: There is no sentiment model "gpt-9"; available: /],
    ] as const) {
      const refused = await runCli(['reclassify', '--data', data, ...args]);
      expect(refused.code, args.join(' ')).toBe(2);
      if (typeof message === 'string') expect(refused.stderr.trim()).toBe(message);
      else expect(refused.stderr.trim()).toMatch(message);
    }
  });
});

describeWithData('an import interrupted with Ctrl-C (SIGINT)', () => {
  it('says nothing was imported, exits 130, and leaves none of it', async () => {
    const data = path.join(files.dir, 'interrupted');
    expect((await runCli(['import', 'orders', files.write('seed-int.csv', ORDERS), '--data', data])).code).toBe(0);
    const child = startCli(['import', 'orders', dataFile('online-retail', 'online_retail.csv.gz'), '--data', data, '--progress-lines']);
    await waitForOutput(child, /progress importing orders (\d{7,})\//);
    child.kill('SIGINT');
    const [code] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(code).toBe(130);
    expect(child.output().stderr).toMatch(/^Interrupted; nothing was imported\.$/m);

    const store = await openStore({ dataDir: data });
    const [row] = await store.query<{ orders: number; imports: number }>(
      `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM imports) AS imports`,
    );
    await store.close();
    expect(row).toEqual({ orders: 2, imports: 1 });
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
