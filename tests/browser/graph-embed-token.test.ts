/**
 * The influencer graph embedded as a CRM would embed it, with nothing made up: a page on its own origin loads the
 * bundle from the Rapport server and hands the widgets an embed token that the CRM's backend minted with
 * `createEmbedToken`. The tenant's network is SNAP's email-Eu-core, imported with the import path `rapport import
 * relationships` uses. The server's per-token rate limit is set low, so the graph's ~35 requests (the ties come in
 * pages of 500) are refused with 429 along the way; the widgets' client waits each refusal out for the Retry-After
 * that CORS lets the page read, and the graph still draws every customer and every tie the API counts.
 * widget-refusals.test.ts shows the same waiting against a hand-made server.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createKey } from '../../server/auth/keys';
import { addOrigins, createTenant } from '../../server/auth/tenants';
import { createHttpServer } from '../../server/http-server';
import { importSource } from '../../server/ingest/import-source';
import { fileSource } from '../../server/ingest/read-records';
import { publicMounts } from '../../server/public-files';
import { openStore, type Store } from '../../server/store';
import { WIDGET_OPERATION_NAMES } from '../../widgets/operation-names';
import { dataFile, describeWithData } from '../support/data';
import { buildBundle, ROOT, useBrowser } from './harness.js';

const TENANT = 'eu-core';
const SECRET = 'graph-embed-token-secret-graph-embed-token-secret';
/** Low enough that the graph's requests outrun the bucket several times, high enough to load in a few seconds. */
const RATE_LIMIT = { tokenRate: 5, tokenBurst: 5 };

type Stats = { nodes: number; edges: number };

describeWithData('<rapport-influencer-graph> on another origin, through an embed token and the rate limit', () => {
  const suite = useBrowser();
  let store: Store;
  let api: ReturnType<typeof createHttpServer>;
  let apiUrl: string;
  let readKey: string;
  let page: Page;
  let limited = 0;
  const failures: string[] = [];

  /** A GraphQL request to the API server over HTTP with the tenant's read key. */
  async function withKey<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${readKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (!res.ok || body.errors || !body.data) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  beforeAll(async () => {
    const dist = await buildBundle();
    store = await openStore();
    api = createHttpServer({
      app: createApp({ store, tokenSecret: SECRET, rateLimit: RATE_LIMIT }),
      mounts: publicMounts(`${ROOT}/`, join(dist, 'widgets/')),
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

    // The CRM's page is on the bundle server's origin (another port: another origin), which the tenant allows.
    const crm = suite.server.url;
    await createTenant(store, TENANT);
    await addOrigins(store, TENANT, [crm]);
    readKey = (await createKey(store, TENANT, 'read')).key;
    await importSource(store, 'relationships', fileSource(dataFile('email-eu-core', 'email-Eu-core.txt')), { tenant: TENANT });

    // What the CRM's backend does: mint a token for this page's origin and the graph's own operations.
    const { createEmbedToken } = await withKey<{ createEmbedToken: { token: string } }>(
      `mutation($origin: String, $operations: [String!]) { createEmbedToken(origin: $origin, operations: $operations, ttlSeconds: 600) { token } }`,
      { origin: crm, operations: WIDGET_OPERATION_NAMES['rapport-influencer-graph'] },
    );
    suite.server.pages.set(
      '/crm.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title><link rel="icon" href="data:,">
      <script type="module">
        import { Rapport } from '${apiUrl}/widgets/rapport.js';
        const token = ${JSON.stringify(createEmbedToken.token)};
        Rapport.configure({ endpoint: '${apiUrl}/graphql', getToken: () => token });
      </script></head>
      <body><rapport-influencer-graph locale="en-US"></rapport-influencer-graph></body></html>`,
    );

    page = await suite.browser.newPage({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
    page.on('response', (r) => {
      if (r.status() === 429 && r.url() === `${apiUrl}/graphql`) limited++;
      else if (r.status() >= 400) failures.push(`${r.url()}: ${r.status()}`);
    });
    page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    // Chromium notes every refused request in the console; the 429s are expected, anything else is not.
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 429 \(Too Many Requests\)/.test(m.text())) failures.push(m.text());
    });
  });

  afterAll(async () => {
    await page?.close();
    await new Promise((done) => api?.close(done));
    await store?.close();
  });

  it("draws every customer and tie of the tenant's network, waiting out the 429s on the way", async () => {
    const { network } = await withKey<{ network: { nodeCount: number; edgeCount: number; edges: { totalCount: number } } }>(
      `{ network { nodeCount edgeCount edges(first: 0) { totalCount } } }`,
    );
    // The API's figures are the store's: one node per customer with a tie, one tie per pair tied either way.
    const [sql] = await store.query<{ nodes: number; ties: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT source_id FROM relationships WHERE tenant_id = $1
                UNION SELECT target_id FROM relationships WHERE tenant_id = $1) c) AS nodes,
              (SELECT count(DISTINCT (least(source_id, target_id), greatest(source_id, target_id)))::int
                FROM relationships WHERE tenant_id = $1 AND source_id <> target_id) AS ties`,
      [TENANT],
    );
    expect([network.nodeCount, network.edgeCount, network.edges.totalCount]).toEqual([sql!.nodes, sql!.ties, sql!.ties]);

    expect(new URL(suite.server.url).origin).not.toBe(new URL(apiUrl).origin);
    await page.goto(`${suite.server.url}/crm.html`);
    const graph = page.locator('rapport-influencer-graph');
    // The header's count appears once every page of ties has loaded (the error panel, if a refusal ended the load).
    await graph.locator('.header .meta, [part="error"]').first().waitFor({ timeout: 60_000 });
    expect(await graph.locator('[part="error"]').allTextContents()).toEqual([]);
    const stats = () => page.evaluate(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): Stats }).stats());
    await expect.poll(() => stats().then((s) => s.nodes), { timeout: 20_000 }).toBeGreaterThan(0);
    const drawn = await stats();
    console.log(`email-Eu-core through an embed token: ${drawn.nodes} nodes, ${drawn.edges} ties drawn; ${limited} requests answered 429`);

    expect(await graph.locator('.header .meta').textContent()).toMatch(new RegExp(`^${network.nodeCount.toLocaleString('en-US')} customers · `));
    expect({ nodes: drawn.nodes, ties: drawn.edges }).toEqual({ nodes: network.nodeCount, ties: network.edgeCount });
    expect(limited).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
