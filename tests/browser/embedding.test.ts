import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RECORD_EVENTS, buildBundle, buildReactHost, hostPage, recordedEvents, useBrowser } from './harness.js';
import { COHORTS, RFM } from './fixtures.js';

const stats = { min: 1, max: 9, mean: 5, std: 2 };
const VIP_RFM = {
  asOf: '2011-12-10T00:00:00.000Z',
  customerCount: 100,
  segments: [
    { name: 'best', customerCount: 10, share: 0.1, recency: stats, frequency: stats, monetary: { ...stats, mean: 900 } },
    { name: 'recent', customerCount: 30, share: 0.3, recency: stats, frequency: stats, monetary: { ...stats, mean: 300 } },
    { name: 'others', customerCount: 60, share: 0.6, recency: stats, frequency: stats, monetary: { ...stats, mean: 100 } },
  ],
};
const VIP_MAPS = [
  { name: 'default', fallback: null, rules: [] },
  {
    name: 'vip',
    fallback: 'others',
    rules: [
      { name: 'best', r: { min: 5, max: 5 }, f: { min: 4, max: 5 }, m: null },
      { name: 'recent', r: { min: 4, max: 5 }, f: null, m: null },
    ],
  },
];

const FIXTURES = `<script>window.__fixtures = ${JSON.stringify({ rfm: RFM, cohorts: COHORTS })};</script>`;

/** Plain HTML: no framework, the data property set from an inline module script. */
const PLAIN = hostPage(
  `<h1>Plain host</h1>
  <rapport-segment-map id="a" locale="en-US"></rapport-segment-map>
  <rapport-segment-map id="b" locale="en-US" view="treemap"></rapport-segment-map>
  <rapport-cohort-heatmap id="c" locale="en-US"></rapport-cohort-heatmap>
  <script type="module">
    for (const el of document.querySelectorAll('rapport-segment-map')) el.data = window.__fixtures.rfm;
    document.querySelector('rapport-cohort-heatmap').data = window.__fixtures.cohorts;
  </script>`,
  FIXTURES + RECORD_EVENTS,
);

/** Global CSS that tries to flatten everything, the host element included. */
const HOSTILE = PLAIN.replace(
  '</head>',
  `<style>* { all: unset !important; } html, body { display: block !important; } head, script, style, title { display: none !important; }
  rapport-segment-map, rapport-cohort-heatmap { font-size: 40px !important; color: red !important; }</style></head>`,
);

describe('embedding the widgets', () => {
  let graphqlRequests: Array<{ auth: string | undefined; query: string; variables?: Record<string, unknown> }> = [];
  const suite = useBrowser(() => async (req, body, res) => {
    if (!req.url?.startsWith('/graphql') && !req.url?.startsWith('/broken')) return false;
    if (req.url.startsWith('/broken')) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'), true;
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    graphqlRequests.push({ auth: req.headers.authorization, query, variables });
    const data = query.includes('segmentMaps') ? { rfm: VIP_RFM, segmentMaps: VIP_MAPS } : query.includes('rfm(') ? { rfm: RFM } : { cohorts: COHORTS };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    return true;
  });

  beforeAll(async () => {
    await buildReactHost(await buildBundle());
    suite.server.pages.set('/plain.html', PLAIN);
    suite.server.pages.set('/hostile.html', HOSTILE);
    suite.server.pages.set('/react.html', hostPage('<div id="root"></div><script type="module" src="/react/react-host.js"></script>', FIXTURES));
    suite.server.pages.set(
      '/api.html',
      hostPage(
        `<rapport-segment-map id="m" locale="en-US" as-of="2011-12-10"></rapport-segment-map>
        <rapport-cohort-heatmap id="h" locale="en-US" token="element-token" period="month" metric="retention"></rapport-cohort-heatmap>
        <rapport-segment-map id="broken" endpoint="/broken" token=""></rapport-segment-map>
        <script type="module">
          import { Rapport } from '/widgets/rapport.js';
          let n = 0;
          window.__tokenRequests = [];
          Rapport.configure({ endpoint: '/graphql', getToken: async (request) => (window.__tokenRequests.push(request), 'page-token-' + ++n) });
        </script>`,
      ),
    );
    suite.server.pages.set(
      '/provider.html',
      hostPage(
        `<rapport-provider id="p" endpoint="/graphql?tenant=acme" token="provider-token" locale="de-DE">
          <rapport-segment-map id="m"></rapport-segment-map>
        </rapport-provider>`,
      ),
    );
    suite.server.pages.set('/vip.html', hostPage('<rapport-segment-map id="v" locale="en-US" segment-map="vip"></rapport-segment-map>'));
  });

  async function open(path: string): Promise<Page> {
    const page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}${path}`);
    page.on('close', () => expect(errors).toEqual([]));
    return page;
  }

  it('renders the same widget twice on a page, each on its own', async () => {
    const page = await open('/plain.html');
    await page.locator('#a [data-segment="champions"]').waitFor();
    await page.locator('#b [data-segment="champions"]').waitFor();
    expect(await page.locator('#a .segment').count()).toBe(10);
    expect(await page.locator('#b .treemap .segment').count()).toBe(10);
    await page.locator('#b [data-segment="promising"]').click();
    await page.locator('#a [data-segment="cant_lose"]').click();
    const events = await recordedEvents(page);
    expect(events.map((e) => [e.target, (e.detail as { segment: string }).segment])).toEqual([
      ['b', 'promising'],
      ['a', 'cant_lose'],
    ]);
    expect(await page.locator('#a .segment[aria-pressed="true"]').getAttribute('data-segment')).toBe('cant_lose');
    expect(await page.locator('#b .segment[aria-pressed="true"]').getAttribute('data-segment')).toBe('promising');
    await page.close();
  });

  it('survives hostile global CSS', async () => {
    const page = await open('/hostile.html');
    await page.locator('#a [data-segment="champions"]').waitFor();
    const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
    const champions = await box('#a [data-segment="champions"]');
    const hibernating = await box('#a [data-segment="hibernating"]');
    expect(champions.width).toBeGreaterThan(60);
    expect(champions.height).toBeGreaterThan(40);
    expect(champions.x).toBeGreaterThan(hibernating.x + hibernating.width);
    expect(champions.y).toBeLessThan(hibernating.y);
    const cell = await box('#c td[data-row="0"][data-col="1"]');
    expect(cell.width).toBeGreaterThan(30);
    expect(await page.locator('#c td.cell').count()).toBe(COHORTS.cohorts.reduce((n, c) => n + c.values.length, 0));
    // The widget keeps its own type scale, not the page's 40px.
    const size = await page.locator('#a .label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeLessThan(20);
    await page.locator('#c td[data-row="2"][data-col="1"]').click();
    expect((await recordedEvents(page)).at(-1)?.target).toBe('c');
    await page.close();
  });

  it('works in a React 19 host: properties in, events out', async () => {
    const page = await open('/react.html');
    await page.locator('#react-map [data-segment="champions"]').waitFor();
    await page.locator('#react-map [data-segment="new_customers"]').click();
    await page.locator('#react-heat td[data-row="0"][data-col="1"]').click();
    const c = COHORTS.cohorts[0]!;
    await expect.poll(() => page.locator('#log').textContent()).toBe(`segment:new_customers|cohort:${c.start}:1:${c.values[1]}`);
    await page.close();
  });

  it('takes endpoint, token and locale from an enclosing <rapport-provider>', async () => {
    graphqlRequests = [];
    const page = await open('/provider.html');
    await expect.poll(() => page.locator('#m [data-segment="hibernating"] .count').textContent()).toBe('1.054');
    expect(graphqlRequests.at(-1)?.auth).toBe('Bearer provider-token');
    await page.close();
  });

  it("draws a tenant's named segment map from its rules", async () => {
    graphqlRequests = [];
    const page = await open('/vip.html');
    await page.locator('#v [data-segment="best"]').waitFor();
    expect(await page.locator('#v [data-segment="recent"]').count()).toBe(2); // R4 F4–5 and R4–5 F1–3
    expect(await page.locator('#v [data-segment="others"] .count').textContent()).toBe('60');
    expect(graphqlRequests.at(-1)?.variables).toEqual({ segmentMap: 'vip' });
    await page.close();
  });

  it('loads from the API with Rapport.configure, element tokens, and shows errors without throwing', async () => {
    graphqlRequests = [];
    const page = await open('/api.html');
    await page.locator('#m [data-segment="champions"]').waitFor();
    await page.locator('#h td.cell').first().waitFor();
    await page.locator('#broken [part~="error"]').waitFor();
    expect(await page.locator('#broken [part~="error"]').textContent()).toContain('500');
    // Rapport.configure runs after the widgets upgraded here; they wait for it, so even the first request has its token.
    const rfm = graphqlRequests.find((r) => r.query.includes('rfm('))!;
    const cohorts = graphqlRequests.find((r) => r.query.includes('cohorts('))!;
    expect(rfm.auth).toMatch(/^Bearer page-token-\d+$/);
    expect(rfm.variables).toEqual({ asOf: '2011-12-10' });
    expect(cohorts.auth).toBe('Bearer element-token');
    expect(cohorts.query).toContain('cohorts(period: MONTH, metric: RETENTION)');
    // getToken is told which widget asks and the operations it runs, so the host can mint a token for just those.
    const asked = await page.evaluate(() => (window as unknown as { __tokenRequests: unknown[] }).__tokenRequests);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ widget: 'rapport-segment-map', operations: ['RapportSegmentMap'] })]));
    expect(await page.locator('#m [data-segment="champions"] .count').textContent()).toBe('633');
    await page.close();
  });
});
