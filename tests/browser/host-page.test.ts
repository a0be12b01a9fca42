import type { ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { fillWidgets, WIDGET_TAGS } from './all-widgets.js';
import { feedItems } from './sentiment-feed-fixtures.js';
import { plantedNetwork } from './influencer-graph-fixtures.js';

/** How the four widgets behave inside someone else's page: landmarks, inherited CSS, right-to-left names. */
describe('the widgets in a host page', () => {
  let page: Page;
  /** Requests to /hang/… are never answered (a server that accepted the connection and stalled). */
  const hung: ServerResponse[] = [];
  const suite = useBrowser(() => (req, _body, res) => {
    if (!req.url?.startsWith('/hang/')) return false;
    hung.push(res);
    return true;
  });
  afterAll(() => hung.forEach((res) => res.destroy())); // before the server closes (after-hooks run last first)

  /** All four widgets in a div#wrap (which `head` may style), given fixture data. */
  async function open(head = '', data: { feed?: unknown[]; graph?: unknown } = {}): Promise<void> {
    const body = `<div id="wrap">${WIDGET_TAGS.map((t) => `<${t} locale="en-US" theme="light" style="max-width: 900px"></${t}>`).join('')}</div>`;
    suite.server.pages.set('/host.html', hostPage(body, head));
    page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce', timezoneId: 'UTC' });
    await page.goto(`${suite.server.url}/host.html`);
    await fillWidgets(page, data);
  }

  it('adds no landmark of its own: no widget heading row is a banner', async () => {
    await open();
    expect(await page.getByRole('banner').count()).toBe(0);
  });

  it('lays out right-to-left names and texts right to left', async () => {
    const feed = feedItems(5);
    feed[0] = { ...feed[0]!, text: 'שלום, ההזמנה הגיעה באיחור (order 42).', customer: { ...feed[0]!.customer!, name: 'محمد علي' } };
    const graph = plantedNetwork(40, 3, 4);
    const top = graph.nodes.find((n) => n.id === graph.influencers[0])!;
    top.name = 'דנה כהן';
    await open('', { feed, graph });
    await page.locator('rapport-influencer-graph .canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('rapport-influencer-graph .details strong').waitFor();
    const direction = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).direction);
    expect(await direction('rapport-sentiment-feed .row[data-id="it-0"] .who')).toBe('rtl');
    expect(await direction('rapport-sentiment-feed .row[data-id="it-0"] .text')).toBe('rtl');
    expect(await direction('rapport-sentiment-feed .row[data-id="it-1"] .who')).toBe('ltr');
    expect(await direction('rapport-influencer-graph .details strong')).toBe('rtl');
    expect(await direction(`rapport-influencer-graph table.influencers tr[data-id="${top.id}"] th`)).toBe('rtl');
  });

  it('does not inherit the host page\'s text styling', async () => {
    await open(`<style>#wrap { white-space: nowrap; text-transform: uppercase; letter-spacing: 4px; word-spacing: 12px;
      font-style: italic; font-weight: 700; text-indent: 40px; text-shadow: 1px 1px red; }</style>`);
    for (const tag of WIDGET_TAGS) {
      const style = await page.locator(`${tag} .meta`).first().evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.whiteSpace, s.textTransform, s.letterSpacing, s.wordSpacing, s.fontStyle, s.fontWeight, s.textIndent, s.textShadow].join(' | ');
      });
      expect(style, tag).toBe('normal | none | normal | 0px | normal | 400 | 0px | none');
    }
  });

  it('shows the error panel with Retry when the server never answers, the long detail wrapped inside it', async () => {
    const endpoint = `/hang/${'x'.repeat(300)}`;
    suite.server.pages.set('/hang.html', hostPage(`<rapport-provider endpoint="${endpoint}" token="" timeout-ms="800"><rapport-cohort-heatmap locale="en-US" style="max-width: 400px"></rapport-cohort-heatmap></rapport-provider>`));
    page = await suite.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${suite.server.url}/hang.html`);
    const error = page.locator('rapport-cohort-heatmap [part="error"]');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toContain('The Rapport server did not answer in time.');
    await error.locator('summary').click();
    expect(await error.locator('details').innerText()).toContain('did not answer within 1 s');
    expect(await error.locator('button').textContent()).toBe('Retry');
    const fits = await page.locator('rapport-cohort-heatmap').evaluate((el) => {
      const root = el.shadowRoot!.querySelector('.root')!;
      return root.scrollWidth <= root.clientWidth && el.shadowRoot!.querySelector('.state small')!.getBoundingClientRect().right <= root.getBoundingClientRect().right;
    });
    expect(fits).toBe(true);
  });
});
