import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { plantedNetwork } from './influencer-graph-fixtures.js';

type Stats = { nodes: number; stable: boolean };

/** Layout, theme, focus and motion details of the graph, each on a fresh page with a small network. */
describe('<rapport-influencer-graph> layout and accessibility details', () => {
  const suite = useBrowser();
  const pages: Page[] = [];

  /** A page holding one graph with `attributes`, given `data`; resolves once the layout is stable. */
  async function open(attributes: string, options: { reducedMotion?: 'reduce' | 'no-preference'; init?: () => void } = {}, data = plantedNetwork(60, 3, 4)) {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1000 }, reducedMotion: options.reducedMotion ?? 'reduce' });
    pages.push(page);
    if (options.init) await page.addInitScript(options.init);
    suite.server.pages.set('/graph.html', hostPage(`<rapport-influencer-graph locale="en-US" ${attributes}></rapport-influencer-graph>`));
    await page.goto(`${suite.server.url}/graph.html`);
    await page.evaluate(async (d) => {
      await customElements.whenDefined('rapport-influencer-graph');
      document.querySelector('rapport-influencer-graph')!.data = d as never;
    }, data);
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): Stats }).stats().stable), { timeout: 60_000 })
      .toBe(true);
    return page;
  }

  it('stacks the legend under a full-width drawing when the widget is narrow on a wide page', async () => {
    const page = await open('theme="light" style="width: 360px"');
    const width = await page.locator('rapport-influencer-graph .canvas').evaluate((c) => c.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(300);
  });

  it('draws labels in the theme\'s text colour and the page\'s font', async () => {
    const page = await open('theme="dark"', {
      init: () => {
        // Every font a canvas is asked for: an invalid one ('inherit') is ignored and leaves canvas's 10px sans-serif.
        const fonts: string[] = ((window as unknown as { __fonts: string[] }).__fonts = []);
        const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font')!;
        Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
          get: font.get,
          set(this: CanvasRenderingContext2D, value: string) {
            font.set!.call(this, value);
            fonts.push(this.font);
          },
        });
      },
    });
    await page.waitForTimeout(300);
    const labels = () => page.evaluate(() => {
      const canvas = document.querySelector('rapport-influencer-graph')!.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.sigma-labels')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 200) continue;
        sum += (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!) / 255;
        n++;
      }
      return { inked: n, brightness: sum / Math.max(1, n), fonts: (window as unknown as { __fonts: string[] }).__fonts };
    });
    const drawn = await labels();
    expect(drawn.inked).toBeGreaterThan(50);
    // Light text on the dark theme's background (black labels average near 0).
    expect(drawn.brightness).toBeGreaterThan(0.6);
    expect(drawn.fonts.some((f) => f.includes('DejaVu Sans'))).toBe(true);

    // Switching the theme redraws them dark.
    await page.locator('rapport-influencer-graph').evaluate((el) => el.setAttribute('theme', 'light'));
    await expect.poll(async () => (await labels()).brightness).toBeLessThan(0.3);
  });

  it('keeps keyboard focus in the widget after a search result is chosen with the keyboard', async () => {
    const page = await open('theme="light"');
    await page.locator('rapport-influencer-graph input[type="search"]').fill('Customer 12');
    await page.locator('rapport-influencer-graph .matches button[data-id="n12"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    const focused = await page.evaluate(() => document.querySelector('rapport-influencer-graph')!.shadowRoot!.activeElement?.classList.contains('canvas'));
    expect(focused).toBe(true);
  });

  it('under reduced motion shows "Laying out…", never intermediate positions, then the stable layout', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce' });
    pages.push(page);
    suite.server.pages.set('/graph.html', hostPage('<rapport-influencer-graph locale="en-US" theme="light"></rapport-influencer-graph>'));
    await page.goto(`${suite.server.url}/graph.html`);
    const seen = await page.evaluate(async (d) => {
      await customElements.whenDefined('rapport-influencer-graph');
      type Graph = { getNodeAttributes(id: string): { x: number; y: number } };
      const el = document.querySelector('rapport-influencer-graph') as unknown as HTMLElement & { data: unknown; graph?: Graph; stats(): Stats };
      el.data = d;
      const positions = new Set<string>();
      const states = new Set<string>();
      while (!el.stats().stable) {
        if (el.graph) {
          const a = el.graph.getNodeAttributes('n0');
          positions.add(`${a.x},${a.y}`);
          const canvas = el.shadowRoot!.querySelector('.canvas')!;
          const drawing = canvas.querySelector('canvas');
          states.add(`${getComputedStyle(canvas, '::after').content} ${drawing ? getComputedStyle(drawing).visibility : '-'}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      const canvas = el.shadowRoot!.querySelector('.canvas')!;
      return { positions: positions.size, states: [...states], after: getComputedStyle(canvas.querySelector('canvas')!).visibility };
    }, plantedNetwork(1000, 8, 8));
    expect(seen.positions).toBe(1);
    expect(seen.states).toEqual(['"Laying out…" / "" hidden']);
    expect(seen.after).toBe('visible');
  });
});
