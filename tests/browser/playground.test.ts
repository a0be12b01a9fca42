import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeSerious, useBrowser } from './harness.js';
import { COHORTS, RFM } from './fixtures.js';

const CUSTOMERS = Array.from({ length: 3 }, (_, i) => ({
  id: `Q3VzdG9tZXI6${i + 1}`,
  externalId: `1234${i}`,
  name: ['Ada Lovelace', 'Grace Hopper', 'Alan Turing'][i],
  email: null,
  country: 'United Kingdom',
  rfm: { recency: 3 + i, frequency: 12 - i, monetary: 4310.5 * (i + 1), r: 5, f: 5 - i, m: 5, segment: 'champions' },
}));

describe('playground (the host page served at /)', () => {
  const queries: Array<{ query: string; variables?: Record<string, unknown> }> = [];
  const suite = useBrowser(() => async (req, body, res) => {
    if (!req.url?.startsWith('/graphql')) return false;
    const request = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    queries.push(request);
    const data = request.query.includes('rfm(')
      ? { rfm: RFM }
      : request.query.includes('cohorts(')
        ? { cohorts: COHORTS }
        : request.query.includes('customer(')
          ? { customer: CUSTOMERS[0] }
          : { customers: { totalCount: 633, pageInfo: { hasNextPage: true, endCursor: 'c3' }, edges: CUSTOMERS.map((node) => ({ node, cursor: node.id })) } };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    return true;
  });

  it('shows the dashboard, goes from a segment to its customers, and to a customer page', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1500 }, reducedMotion: 'reduce' });
    await page.goto(`${suite.server.url}/playground/`);
    await page.locator('rapport-segment-map [data-segment="champions"]').waitFor();
    await page.locator('rapport-cohort-heatmap td.cell').first().waitFor();
    expect(await page.locator('details.embed').count()).toBe(2);
    expect(await page.locator('details.embed pre').first().textContent()).toContain('<rapport-segment-map');
    await page.screenshot({ path: join(tmpdir(), 'rapport-playground-dashboard.png'), fullPage: true });
    expect(await axeSerious(page)).toEqual([]);

    await page.locator('rapport-segment-map [data-segment="champions"]').click();
    await page.locator('table.list tbody tr').first().waitFor();
    expect(page.url()).toContain('#/customers?segment=champions');
    expect(queries.at(-1)?.variables).toEqual({ segment: 'champions' });
    expect(await page.locator('table.list tbody tr').count()).toBe(3);
    await page.screenshot({ path: join(tmpdir(), 'rapport-playground-customers.png') });
    expect(await axeSerious(page)).toEqual([]);

    await page.locator('table.list a', { hasText: 'Ada Lovelace' }).click();
    await page.locator('h1', { hasText: 'Ada Lovelace' }).waitFor();
    await page.locator('rapport-segment-map [data-segment="champions"][aria-pressed="true"]').waitFor();
    await page.screenshot({ path: join(tmpdir(), 'rapport-playground-customer.png'), fullPage: true });
    await page.close();
  });
});
