/**
 * Embedding as docs/widgets.md shows it: a CRM page on its own origin loads the bundle from the Rapport server
 * (`<script type="module" src="https://api-host/widgets/rapport.js">`), queries that server, and classifies in the
 * page with the model files the server publishes at /models/. The other browser tests put everything behind one
 * origin; here the page and the server are two real HTTP servers, so the browser's CORS checks apply.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createHttpServer } from '../../server/http-server';
import { publicMounts } from '../../server/public-files';
import { openStore, type Store } from '../../server/store';
import { buildBundle, launchChromium, ROOT, serveStatic, type StaticServer } from './harness.js';

describe('a page on another origin embeds the widgets from the server', () => {
  let store: Store;
  let api: ReturnType<typeof createHttpServer>;
  let apiUrl: string;
  let host: StaticServer;
  let browser: Browser;
  let page: Page;
  const failures: string[] = [];

  beforeAll(async () => {
    const dist = await buildBundle();
    store = await openStore();
    api = createHttpServer({ app: createApp({ store, dev: true }), mounts: publicMounts(`${ROOT}/`, join(dist, 'widgets/')) });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const lines = Array.from({ length: 12 }, (_, i) => ({
      invoice: `I${i}`, customerExternalId: `c${i % 6}`, orderedAt: `2024-0${1 + (i % 6)}-10T10:00:00Z`, quantity: 1 + i, unitPrice: 10,
    }));
    await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($o: [OrderInput!]!) { addOrders(input: $o) { accepted } }', variables: { o: lines } }),
    });
    // The CRM does not host the bundle: a page that fell back to its own origin would fail.
    host = await serveStatic(dist, async (req, _body, res) => (req.url?.startsWith('/widgets/') ? (res.writeHead(404).end(), true) : false));
    host.pages.set(
      '/crm.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title><link rel="icon" href="data:,">
      <script type="module" src="${apiUrl}/widgets/rapport.js"></script>
      <script type="module">
        import { Rapport, classify } from '${apiUrl}/widgets/rapport.js';
        Rapport.configure({ endpoint: '${apiUrl}/graphql' });
        classify(['thanks, the crew was wonderful!'], { modelsUrl: '${apiUrl}/models/' })
          .then(([p]) => (window.__label = p.label), (e) => (window.__label = 'failed: ' + e.message));
        // Without modelsUrl: /models/ on the server the bundle came from, not the CRM's origin.
        classify(['the delivery was late again and nobody answered. terrible.'])
          .then(([p]) => (window.__defaultLabel = p.label), (e) => (window.__defaultLabel = 'failed: ' + e.message));
      </script></head>
      <body><rapport-segment-map locale="en-US"></rapport-segment-map></body></html>`,
    );
    host.pages.set(
      '/feed.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM feed</title><link rel="icon" href="data:,">
      <script type="module" src="${apiUrl}/widgets/rapport.js"></script></head>
      <body><rapport-sentiment-feed id="bundled" locale="en-US" classify="local" live="off"></rapport-sentiment-feed>
      <rapport-sentiment-feed id="missing" locale="en-US" classify="local" live="off" models-url="${apiUrl}/no-models/"></rapport-sentiment-feed></body></html>`,
    );
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
    page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.url()}: ${r.status()}`));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await new Promise((done) => api?.close(done));
    await store?.close();
  });

  it('loads the bundle, draws the segment map from the server and classifies with its models (by default too)', async () => {
    expect(new URL(host.url).origin).not.toBe(new URL(apiUrl).origin);
    await page.goto(`${host.url}/crm.html`);
    await page.locator('rapport-segment-map [data-segment]').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => (window as { __label?: string }).__label !== undefined, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as { __label?: string }).__label)).toBe('positive');
    await page.waitForFunction(() => (window as { __defaultLabel?: string }).__defaultLabel !== undefined, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as { __defaultLabel?: string }).__defaultLabel)).toBe('negative');
    expect(failures).toEqual([]);
  }, 120_000);

  it('explains in a classify="local" feed with the models beside the bundle, and says plainly when there are none', async () => {
    const feed = await browser.newPage();
    try {
      await feed.goto(`${host.url}/feed.html`);
      await feed.evaluate(async () => {
        await customElements.whenDefined('rapport-sentiment-feed');
        for (const el of document.querySelectorAll('rapport-sentiment-feed')) {
          (el as unknown as { data: unknown }).data = {
            items: [{ id: 'h0', channel: 'note', occurredAt: '2026-01-01T10:00:00Z', text: 'Worst support experience ever. Cancel my account.' }],
          };
        }
      });
      for (const id of ['bundled', 'missing']) await feed.locator(`#${id} .row[data-id="h0"] .why`).click();
      await feed.locator('#bundled .row[data-id="h0"] .explain mark').first().waitFor({ timeout: 60_000 });
      const missing = feed.locator('#missing .row[data-id="h0"] .explain');
      await expect.poll(() => missing.textContent(), { timeout: 30_000 }).toBe('Could not explain this message.');
    } finally {
      await feed.close();
    }
  }, 120_000);

  it('answers the public files with CORS headers, and only those', async () => {
    const origin = { origin: host.url };
    for (const path of ['/widgets/rapport.js', '/models/default.json', '/models/ensemble/vocab.json']) {
      const res = await fetch(`${apiUrl}${path}`, { headers: origin });
      expect([path, res.status, res.headers.get('access-control-allow-origin')]).toEqual([path, 200, '*']);
    }
    const refused = await fetch(`${apiUrl}/models/ensemble/card.txt`, { headers: origin });
    expect([refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([404, null]);
  });
});
