import type { ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';

const WIDGETS = [
  ['rapport-segment-map', 'Customer segments'],
  ['rapport-cohort-heatmap', 'Cohorts'],
  ['rapport-influencer-graph', 'Influencers'],
  ['rapport-sentiment-feed', 'Conversations'],
] as const;
const EMPTY = {
  'rapport-segment-map': { asOf: '2011-12-10T00:00:00.000Z', customerCount: 0, segments: [] },
  'rapport-cohort-heatmap': { cohorts: [] },
  'rapport-influencer-graph': { nodes: [], edges: [], communities: [], influencers: [] },
  'rapport-sentiment-feed': { items: [] },
};

/** Loading, empty and error panels keep the widget's heading, and say what went wrong in words a reader knows. */
describe('the widgets\' loading, empty and error panels', () => {
  let page: Page;
  /** /hang/… is never answered; /down/… has its connection cut (the browser's "Failed to fetch"). */
  const hung: ServerResponse[] = [];
  const suite = useBrowser(() => (req, _body, res) => {
    if (req.url?.startsWith('/hang/')) return hung.push(res), true;
    if (req.url?.startsWith('/down/')) return res.destroy(), true;
    return false;
  });
  afterAll(() => hung.forEach((res) => res.destroy())); // before the server closes (after-hooks run last first)

  async function open(body: string): Promise<void> {
    await page?.close();
    suite.server.pages.set('/states.html', hostPage(body));
    page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(`${suite.server.url}/states.html`);
  }

  const all = (attrs = '') => WIDGETS.map(([tag]) => `<${tag} locale="en-US" ${attrs}></${tag}>`).join('');

  it('shows the heading above the loading panel', async () => {
    await open(`<rapport-provider endpoint="/hang/graphql" token="">${all()}</rapport-provider>`);
    for (const [tag, heading] of WIDGETS) {
      await page.locator(`${tag} [part="loading"]`).waitFor();
      expect(await page.locator(`${tag} [part="heading"]`).textContent()).toBe(heading);
    }
  });

  it('shows the heading above the empty panel', async () => {
    await open(all());
    await page.evaluate((empty) => {
      for (const [tag, data] of Object.entries(empty)) (document.querySelector(tag) as unknown as { data: unknown }).data = data;
    }, EMPTY);
    for (const [tag, heading] of WIDGETS) {
      await page.locator(`${tag} [part="empty"]`).waitFor();
      expect(await page.locator(`${tag} [part="heading"]`).textContent()).toBe(heading);
    }
  });

  it('says plainly that the server could not be reached, the technical detail in "Details"', async () => {
    await open(`<rapport-provider endpoint="/down/graphql" token="">${all()}</rapport-provider>`);
    for (const [tag, heading] of WIDGETS) {
      const error = page.locator(`${tag} [part="error"]`);
      await error.waitFor({ timeout: 10_000 });
      expect(await page.locator(`${tag} [part="heading"]`).textContent()).toBe(heading);
      const shown = await error.innerText();
      expect(shown).toContain('Could not reach the Rapport server.');
      expect(shown).not.toContain('rapport/client');
      expect(await error.locator('details').textContent()).toContain('rapport/client: Failed to fetch');
    }
  });

  it('puts the feed\'s empty message under its controls, saying when the filters exclude everything', async () => {
    await open('<rapport-sentiment-feed locale="en-US" sentiment="positive"></rapport-sentiment-feed>');
    await page.evaluate(() => ((document.querySelector('rapport-sentiment-feed') as unknown as { data: unknown }).data = { items: [] }));
    const empty = page.locator('rapport-sentiment-feed [part="empty"]');
    await empty.waitFor();
    expect(await empty.textContent()).toBe('No conversations match these filters.');
    expect(await page.locator('rapport-sentiment-feed [role="feed"]').count()).toBe(0);
    const gap = await page.locator('rapport-sentiment-feed').evaluate((el) => {
      const root = el.shadowRoot!;
      return root.querySelector('[part="empty"]')!.getBoundingClientRect().top - root.querySelector('[part="controls"]')!.getBoundingClientRect().bottom;
    });
    expect(gap).toBeLessThan(40);
    await page.locator('rapport-sentiment-feed').evaluate((el) => el.setAttribute('sentiment', ''));
    await expect.poll(() => empty.textContent()).toBe('No conversations to show yet.');
  });
});
