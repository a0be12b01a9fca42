import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, hostPage, useBrowser } from './harness.js';
import { RapportClient } from '../../widgets/kit/client.js';
import type { CohortTable, RfmSummary } from '../../widgets/index.js';

const CLI = join(ROOT, 'server/cli/main.ts');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

/** The real server: child process, temp data dir (seeded with the demo tenant on first start), --dev, free port. */
describe.skipIf(!existsSync(CLI))('widgets against the real server (demo tenant)', () => {
  let child: ChildProcess;
  let dataDir: string;
  let api: string;
  let log = '';

  const graphql = async <T>(query: string): Promise<T> => {
    const res = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rapport-live-'));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', String(port), '--dev', '--demo', '--data', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port) },
    });
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log}`);
      try {
        await graphql('{ __typename }');
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`server not ready:\n${log}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => {
        const timer = setTimeout(() => (child.kill('SIGKILL'), done(undefined)), 10_000);
        child.once('exit', () => (clearTimeout(timer), done(undefined)));
      });
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  // Same-origin for the page: /graphql on the static server is forwarded to the real one.
  const suite = useBrowser(() => async (req, body, res) => {
    if (!req.url?.startsWith('/graphql')) return false;
    const upstream = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text());
    return true;
  });
  beforeAll(() => {
    suite.server.pages.set(
      '/live.html',
      hostPage('<rapport-segment-map id="m" locale="en-US"></rapport-segment-map><rapport-cohort-heatmap id="h" locale="en-US"></rapport-cohort-heatmap>'),
    );
  });

  it("streams a subscription with the widgets' client (Server-Sent Events)", async () => {
    const client = new RapportClient({ endpoint: `${api}/graphql` });
    const text = `live test ${Date.now()}`;
    const received = new Promise<string>((resolve, reject) => {
      const stop = client.subscribe<{ interactionAdded: { text: string } }>(
        'subscription { interactionAdded(channel: email) { text } }',
        undefined,
        (d) => {
          if (d.interactionAdded.text !== text) return;
          stop();
          resolve(d.interactionAdded.text);
        },
        reject,
      );
    });
    // Give the server a moment to register the subscriber before the event happens.
    await new Promise((r) => setTimeout(r, 500));
    const input = [{ channel: 'email', externalId: `live-${Date.now()}`, occurredAt: '2011-12-09T10:00:00Z', text }];
    await client.query('mutation Add($input: [InteractionInput!]!) { addInteractions(input: $input) { inserted } }', { input });
    expect(await received).toBe(text);
  });

  it("shows the API's segment counts and cohort values", async () => {
    const { rfm } = await graphql<{ rfm: RfmSummary }>('{ rfm { customerCount segments { name customerCount share } } }');
    const { cohorts } = await graphql<{ cohorts: CohortTable }>('{ cohorts(period: MONTH, metric: RETENTION) { cohorts { start size values } } }');
    expect(rfm.customerCount).toBeGreaterThan(0);

    const page = await suite.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${suite.server.url}/live.html`);
    await page.locator('#m .segment').first().waitFor({ timeout: 30_000 });
    await page.locator('#h td.cell').first().waitFor({ timeout: 30_000 });

    const n = new Intl.NumberFormat('en-US');
    for (const s of rfm.segments) {
      expect(await page.locator(`#m [data-segment="${s.name}"] .count`).textContent()).toBe(n.format(s.customerCount));
    }
    expect(await page.locator('#m .meta').textContent()).toContain(`${n.format(rfm.customerCount)} customers`);

    const shown = await page.locator('#h tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ size: tr.querySelector('.size')!.textContent, values: [...tr.querySelectorAll<HTMLElement>('td.cell')].map((td) => Number(td.dataset.value)) })),
    );
    expect(shown.map((r) => r.values)).toEqual(cohorts.cohorts.map((c) => c.values.filter((v) => v !== null && v !== undefined)));
    expect(shown.map((r) => r.size)).toEqual(cohorts.cohorts.map((c) => n.format(c.size)));
    await page.close();
  });

  it('runs the playground against the API: segment → its customers → a customer page', async () => {
    const { customers } = await graphql<{ customers: { totalCount: number } }>('{ customers(segment: "champions") { totalCount } }');
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/playground/`);
    await page.locator('rapport-segment-map [data-segment="champions"]').click({ timeout: 30_000 });
    await expect.poll(() => page.locator('.page-head p').textContent()).toContain(`${customers.totalCount.toLocaleString('en-GB')} customers in Champions`);
    const badges = await page.locator('table.list .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Champions']));
    await page.locator('table.list tbody a').first().click();
    await page.locator('.facts').waitFor();
    expect(await page.locator('.facts').textContent()).toContain('Champions');
    await page.locator('rapport-segment-map [data-segment="champions"][aria-pressed="true"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
