import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { RFM } from './fixtures.js';
import { plantedNetwork } from './influencer-graph-fixtures.js';

/** One unbroken word: no space for the browser to wrap at. */
const LONG = 'A'.repeat(10_000);

/** The page's sideways scroll and how far each selector's boxes reach past the widget's own right edge (px). */
async function overflow(page: Page, tag: string, selectors: readonly string[]) {
  return page.evaluate(
    ([tag, selectors]) => {
      const widget = document.querySelector(tag)!;
      const right = widget.getBoundingClientRect().right;
      const past: Record<string, number> = {};
      for (const s of selectors) {
        const boxes = [...widget.shadowRoot!.querySelectorAll(s)].map((el) => el.getBoundingClientRect());
        past[s] = boxes.length ? Math.max(...boxes.map((b) => Math.round(b.right - right))) : NaN;
      }
      return {
        scrollWidth: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        widgetWidth: Math.round(widget.getBoundingClientRect().width),
        bodyWidth: Math.round(document.body.getBoundingClientRect().width),
        past,
      };
    },
    [tag, selectors] as const,
  );
}

/** A 10,000-letter customer or segment name must not widen the widget, or the host page around it. */
describe.each([320, 1280])('a 10,000-character name at %i px', (width) => {
  const suite = useBrowser();

  async function open(tag: string, data: unknown, props: Record<string, unknown> = {}): Promise<Page> {
    const page = await suite.browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    // No body margin: at 320 px the widget gets the whole viewport (it has a 280 px minimum).
    suite.server.pages.set('/long.html', hostPage(`<${tag} locale="en-US" theme="light"></${tag}>`, '<style>body { margin: 0 }</style>'));
    await page.goto(`${suite.server.url}/long.html`);
    await page.evaluate(
      async ([tag, data, props]) => {
        await customElements.whenDefined(tag);
        Object.assign(document.querySelector(tag)!, props, { data });
      },
      [tag, data, props] as const,
    );
    await page.locator(`${tag} [part="heading"]`).waitFor();
    return page;
  }

  it('keeps the influencer graph\'s search matches and details panel inside the widget', async () => {
    const graph = plantedNetwork(40, 3, 4);
    const top = graph.nodes.find((n) => n.id === graph.influencers[0])!;
    top.name = LONG;
    const page = await open('rapport-influencer-graph', graph);
    await page.waitForFunction(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): { stable: boolean } }).stats().stable, null, { timeout: 60_000 });

    await page.locator('rapport-influencer-graph input[type="search"]').fill('A');
    await page.locator('rapport-influencer-graph .matches').waitFor();
    const searching = await overflow(page, 'rapport-influencer-graph', ['.matches', '.matches button']);
    expect(searching.scrollWidth).toBe(searching.viewport);
    expect(searching.widgetWidth).toBeLessThanOrEqual(searching.bodyWidth);
    expect(searching.past['.matches']).toBeLessThanOrEqual(0);
    expect(searching.past['.matches button']).toBeLessThanOrEqual(0);

    await page.locator(`rapport-influencer-graph .matches button[data-id="${top.id}"]`).click();
    await page.locator('rapport-influencer-graph .details strong').waitFor();
    const picked = await overflow(page, 'rapport-influencer-graph', ['.details strong', '.details', '.ego button', '.legend button', '.canvas']);
    expect(picked.scrollWidth).toBe(picked.viewport);
    expect(picked.widgetWidth).toBeLessThanOrEqual(picked.bodyWidth);
    for (const s of ['.details strong', '.details', '.ego button', '.legend button', '.canvas']) expect(picked.past[s], s).toBeLessThanOrEqual(0);
    // The drawing keeps its share of the width (at 320 px it is stacked above the legend, so the whole width).
    const canvas = await page.locator('rapport-influencer-graph .canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThan(width < 560 ? width - 60 : width / 2);
  });

  it('keeps the segment map\'s tile and hover card inside the widget when a region label is that long', async () => {
    const page = await open('rapport-segment-map', RFM);
    await page.evaluate((label) => {
      const map = document.querySelector('rapport-segment-map') as unknown as { regions: unknown };
      map.regions = [
        { name: 'champions', label, r: [4, 5], f: [4, 5] },
        { name: 'hibernating', label: 'Hibernating', r: [1, 3], f: [1, 3] },
      ];
    }, LONG);
    await page.locator('rapport-segment-map [data-segment="champions"]').hover();
    await page.locator('rapport-segment-map [part="tooltip"]').waitFor();
    const hovered = await overflow(page, 'rapport-segment-map', ['[part="segment"]', '[part="tooltip"]']);
    expect(hovered.scrollWidth).toBe(hovered.viewport);
    expect(hovered.widgetWidth).toBeLessThanOrEqual(hovered.bodyWidth);
    expect(hovered.past['[part="segment"]']).toBeLessThanOrEqual(0);
    expect(hovered.past['[part="tooltip"]']).toBeLessThanOrEqual(0);
  });
});
