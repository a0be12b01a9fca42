/**
 * How the kit's client and the widgets meet a real server's refusals: rate limits (429, waited out and retried),
 * JSON GraphQL refusal bodies (401/403/5xx keep their status), and credentials that never arrive.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';

const PAGES = 12;

describe('the widget kit against refusals and missing credentials', () => {
  let page: Page;
  let requests = 0;
  let limited = 0;
  const warnings: string[] = [];

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));

  const suite = useBrowser(() => (req, body, res) => {
    const refused = /^\/refuse\/(\d+)\/graphql/.exec(req.url ?? '');
    if (refused) {
      const status = Number(refused[1]);
      return reply(res, status, { errors: [{ message: `refused with ${status}`, extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' } }] }), true;
    }
    if (req.url?.startsWith('/limited/graphql')) {
      // Like the server's token bucket: every third request is over the limit (the wait kept short for the test).
      if (++requests % 3 === 0) {
        limited++;
        return reply(res, 429, { errors: [{ message: 'Too many requests for this token; retry in 0 s.', extensions: { code: 'RATE_LIMITED' } }] }, { 'retry-after': '0' }), true;
      }
      const after = Number((JSON.parse(body) as { variables?: { after?: string | null } }).variables?.after ?? 0);
      return reply(res, 200, { data: { network: { edges: { edges: [{ node: { source: `s${after}`, target: `t${after}` } }], pageInfo: { hasNextPage: after + 1 < PAGES, endCursor: String(after + 1) } } } } }), true;
    }
    return false;
  });

  async function open(body: string, head = ''): Promise<void> {
    await page?.close();
    warnings.length = 0;
    suite.server.pages.set('/refusals.html', hostPage(body, head));
    page = await suite.browser.newPage();
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${suite.server.url}/refusals.html`);
  }

  it('waits out 429s and pages through the whole network', async () => {
    // A module script (not page.evaluate, whose import() the test runner rewrites) pages the way the graph does.
    await open(
      '',
      `<script type="module">import { RapportClient } from '/widgets/rapport.js';
      const client = new RapportClient({ endpoint: '/limited/graphql' });
      const out = [];
      for (let after = null; ; ) {
        const { network } = await client.query('query RapportNetworkEdges($after: String) { network { edges { edges { node { source } } pageInfo { hasNextPage endCursor } } } }', { after });
        out.push(...network.edges.edges.map((e) => e.node.source));
        if (!network.edges.pageInfo.hasNextPage) break;
        after = network.edges.pageInfo.endCursor;
      }
      window.__ties = out;</script>`,
    );
    await page.waitForFunction(() => '__ties' in window, undefined, { timeout: 20_000 });
    const ties = await page.evaluate(() => (window as unknown as { __ties: string[] }).__ties);
    expect(ties).toHaveLength(PAGES);
    expect(limited).toBeGreaterThan(2);
  });

  it('says a JSON 401 or 403 refusal is "not allowed", and a JSON 500 a server problem', async () => {
    await open(
      ['401', '403', '500'].map((s) => `<rapport-segment-map id="s${s}" locale="en-US" endpoint="/refuse/${s}/graphql" token=""></rapport-segment-map>`).join(''),
    );
    const said = async (status: string) => {
      const error = page.locator(`#s${status} [part="error"]`);
      await error.waitFor({ timeout: 10_000 });
      return (await error.locator('span').textContent())?.trim();
    };
    expect(await said('401')).toBe('This page is not allowed to show these segments.');
    expect(await said('403')).toBe('This page is not allowed to show these segments.');
    expect(await said('500')).toBe('The Rapport server ran into a problem.');
  });

  it('ends a getToken that never answers with the timeout panel', async () => {
    await open(
      '<rapport-segment-map locale="en-US"></rapport-segment-map>',
      `<script type="module">import { Rapport } from '/widgets/rapport.js';
       Rapport.configure({ endpoint: '/refuse/401/graphql', getToken: () => new Promise(() => {}), timeoutMs: 300 });</script>`,
    );
    const error = page.locator('rapport-segment-map [part="error"]');
    await error.waitFor({ timeout: 10_000 });
    expect((await error.locator('span').textContent())?.trim()).toBe('The Rapport server did not answer in time.');
  });

  it('tells an element with an endpoint but no token, after timeoutMs, which attribute to set', async () => {
    await open(
      '<rapport-segment-map locale="en-US" endpoint="/refuse/401/graphql"></rapport-segment-map>',
      `<script type="module">import { Rapport } from '/widgets/rapport.js'; Rapport.configure({ timeoutMs: 300 });</script>`,
    );
    const error = page.locator('rapport-segment-map [part="error"]');
    await error.waitFor({ timeout: 10_000 });
    expect((await error.locator('span').textContent())?.trim()).toBe('This widget has an endpoint but no credentials yet.');
    expect(warnings.join('\n')).toContain('set its token attribute (token="" for none)');
    // The token arriving afterwards still loads.
    await page.locator('rapport-segment-map').evaluate((el) => el.setAttribute('token', ''));
    await expect.poll(() => error.locator('span').textContent()).toBe('This page is not allowed to show these segments.');
  });

  it('does the same for a provider with an endpoint and no credentials', async () => {
    await open(
      '<rapport-provider endpoint="/refuse/401/graphql" timeout-ms="300"><rapport-cohort-heatmap locale="en-US"></rapport-cohort-heatmap></rapport-provider>',
    );
    const error = page.locator('rapport-cohort-heatmap [part="error"]');
    await error.waitFor({ timeout: 10_000 });
    expect((await error.locator('span').textContent())?.trim()).toBe('This widget has an endpoint but no credentials yet.');
    expect(warnings.join('\n')).toContain("set the provider's getToken or token");
  });
});
