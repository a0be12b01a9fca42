import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RECORD_EVENTS, axeSerious, hostPage, matchScreenshot, recordedEvents, sidewaysOverflow, useBrowser } from './harness.js';
import { RFM } from './fixtures.js';

const NAMES = RFM.segments.map((s) => s.name);

describe('<rapport-segment-map> in Chromium', () => {
  const suite = useBrowser();
  let page: Page;

  beforeAll(() => {
    suite.server.pages.set('/map.html', hostPage('<rapport-segment-map id="map" locale="en-US" theme="light" style="max-width: 760px"></rapport-segment-map>', RECORD_EVENTS));
  });

  async function open(view: 'map' | 'treemap' = 'map'): Promise<void> {
    page = await suite.browser.newPage({ viewport: { width: 820, height: 720 }, reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto(`${suite.server.url}/map.html`);
    await page.evaluate(
      async ([data, v]) => {
        await customElements.whenDefined('rapport-segment-map');
        const el = document.querySelector('rapport-segment-map')!;
        el.view = v;
        el.data = data;
      },
      [RFM, view] as const,
    );
    await page.locator('rapport-segment-map [data-segment="champions"]').waitFor();
  }

  it('draws the ten segments with the counts and shares of the data', async () => {
    await open();
    const shown = await page.locator('rapport-segment-map .segment').evaluateAll((els) =>
      els.map((el) => ({
        name: (el as HTMLElement).dataset.segment,
        count: el.querySelector('.count')!.textContent,
        share: el.querySelector('.share')!.textContent,
      })),
    );
    expect(shown.map((s) => s.name).sort()).toEqual([...NAMES].sort());
    const n = new Intl.NumberFormat('en-US');
    const p = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    for (const s of RFM.segments) {
      const cell = shown.find((x) => x.name === s.name)!;
      expect(cell.count).toBe(n.format(s.customerCount));
      expect(cell.share).toBe(p.format(s.share));
    }
    expect(await page.locator('rapport-segment-map .meta').textContent()).toContain('4,338 customers');
  });

  it('places each segment on its R×F rectangle', async () => {
    await open();
    const box = async (name: string) => (await page.locator(`rapport-segment-map [data-segment="${name}"]`).boundingBox())!;
    const [champions, hibernating, cantLose, newCustomers, loyal] = await Promise.all(
      ['champions', 'hibernating', 'cant_lose', 'new_customers', 'loyal_customers'].map(box),
    );
    expect(champions.x).toBeGreaterThan(hibernating.x + hibernating.width); // R 5 right of R 1–2
    expect(champions.y).toBeLessThan(hibernating.y); // F 4–5 above F 1–2
    expect(cantLose.width).toBeCloseTo(hibernating.width, 0); // both R 1–2
    expect(hibernating.height).toBeGreaterThan(cantLose.height * 1.8); // F 1–2 vs F 5
    expect(loyal.width).toBeGreaterThan(newCustomers.width * 1.8); // R 3–4 vs R 5
  });

  it('pins a customer\'s R and F scores with the marker property', async () => {
    await open();
    await page.evaluate(() => (document.querySelector('rapport-segment-map')!.marker = { r: 1, f: 4, label: 'Ada Lovelace' }));
    const pin = (await page.locator('rapport-segment-map .marker').boundingBox())!;
    const atRisk = (await page.locator('rapport-segment-map [data-segment="at_risk"]').boundingBox())!;
    expect(pin.x).toBeGreaterThanOrEqual(atRisk.x - 1);
    expect(pin.x + pin.width).toBeLessThanOrEqual(atRisk.x + atRisk.width / 2 + 1); // R 1 is the left half of R 1–2
    expect(pin.y + pin.height).toBeLessThanOrEqual(atRisk.y + atRisk.height / 2 + 2); // F 4 is the top half of F 3–4
    expect(await page.locator('rapport-segment-map .pin-label').textContent()).toBe('Ada Lovelace');
  });

  it('shows R/F/M statistics on hover', async () => {
    await open();
    await page.locator('rapport-segment-map [data-segment="at_risk"]').hover();
    const tip = page.locator('rapport-segment-map .tooltip');
    await tip.waitFor();
    const text = await tip.textContent();
    expect(text).toContain('At risk');
    expect(text).toContain('153.8'); // mean recency
    expect(text).toContain('2.9'); // mean frequency
    await page.locator('rapport-segment-map [data-segment="at_risk"]').focus();
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'detached' });
  });

  it('puts the focus card beside the focused segment, never over its label', async () => {
    await open();
    for (const name of NAMES) {
      await page.locator(`rapport-segment-map [data-segment="${name}"]`).focus();
      const overlap = await page.locator('rapport-segment-map').evaluate((el, n) => {
        const root = el.shadowRoot!;
        const label = root.querySelector(`[data-segment="${n}"] .label`)!.getBoundingClientRect();
        const card = root.querySelector('.tooltip')!.getBoundingClientRect();
        return Math.max(0, Math.min(label.right, card.right) - Math.max(label.left, card.left)) * Math.max(0, Math.min(label.bottom, card.bottom) - Math.max(label.top, card.top));
      }, name);
      expect(overlap, name).toBe(0);
    }
  });

  it('emits rapport-segment-select with the segment on click and on Enter', async () => {
    await open();
    await page.locator('rapport-segment-map [data-segment="champions"]').click();
    await page.locator('rapport-segment-map [data-segment="at_risk"]').focus();
    await page.keyboard.press('Enter');
    const events = await recordedEvents(page);
    expect(events).toEqual([
      { type: 'rapport-segment-select', detail: { segment: 'champions' }, target: 'map', composed: true, bubbles: true },
      { type: 'rapport-segment-select', detail: { segment: 'at_risk' }, target: 'map', composed: true, bubbles: true },
    ]);
  });

  it('lets the keyboard reach every segment', async () => {
    await open();
    const reached = new Set<string>();
    for (let i = 0; i < 20 && reached.size < NAMES.length; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.segment);
      if (name) reached.add(name);
    }
    expect([...reached].sort()).toEqual([...NAMES].sort());
  });

  it('has a screen-reader table with the numbers and no serious axe violation', async () => {
    await open();
    const rows = await page.locator('rapport-segment-map .sr-only table tbody tr').count();
    expect(rows).toBe(10);
    expect(await axeSerious(page)).toEqual([]);
  });

  it('draws the share at full opacity, so its contrast is the one the fill was chosen for', async () => {
    await open();
    const opacities = await page.locator('rapport-segment-map .segment .share').evaluateAll((els) => els.map((e) => getComputedStyle(e).opacity));
    expect(new Set(opacities)).toEqual(new Set(['1']));
  });

  it('does not widen a 360 px page with its hidden table', async () => {
    await open();
    expect(await sidewaysOverflow(page, 360, 720)).toBe(0);
  });

  it('formats with the locale attribute', async () => {
    await open();
    await page.evaluate(() => document.querySelector('rapport-segment-map')!.setAttribute('locale', 'de-DE'));
    await expect.poll(() => page.locator('rapport-segment-map [data-segment="hibernating"] .count').textContent()).toBe('1.054');
  });

  it('matches its screenshot (map)', async () => {
    await open();
    const png = await page.locator('rapport-segment-map').screenshot();
    const result = await matchScreenshot(page, 'segment-map', png);
    expect(result.ratio).toBeLessThan(0.01);
  });

  it('matches its screenshot in the dark theme', async () => {
    await open();
    await page.evaluate(() => {
      document.body.style.background = '#0d1117';
      document.querySelector('rapport-segment-map')!.theme = 'dark';
    });
    await page.locator('rapport-segment-map[theme="dark"]').waitFor();
    const png = await page.locator('rapport-segment-map').screenshot();
    expect((await matchScreenshot(page, 'segment-map-dark', png)).ratio).toBeLessThan(0.01);
  });

  it('follows prefers-color-scheme when no theme is set', async () => {
    await open();
    await page.evaluate(() => document.querySelector('rapport-segment-map')!.removeAttribute('theme'));
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = () => page.locator('rapport-segment-map .root').evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(bg).toBe('rgb(22, 27, 34)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(bg).toBe('rgb(255, 255, 255)');
  });

  it('animates only without prefers-reduced-motion', async () => {
    await open();
    const duration = () => page.locator('rapport-segment-map .segment').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(await duration()).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(duration).not.toBe('0s');
  });

  it('switches to the treemap view, which also emits and passes axe', async () => {
    await open('treemap');
    expect(await page.locator('rapport-segment-map .treemap .segment').count()).toBe(10);
    await page.locator('rapport-segment-map .treemap [data-segment="loyal_customers"]').click();
    expect((await recordedEvents(page)).at(-1)?.detail).toEqual({ segment: 'loyal_customers' });
    expect(await axeSerious(page)).toEqual([]);
    await page.mouse.move(0, 0);
    const png = await page.locator('rapport-segment-map').screenshot();
    expect((await matchScreenshot(page, 'segment-map-treemap', png)).ratio).toBeLessThan(0.01);
  });
});
