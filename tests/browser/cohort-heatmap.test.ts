import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RECORD_EVENTS, axeSerious, hostPage, matchScreenshot, recordedEvents, sidewaysOverflow, useBrowser } from './harness.js';
import { COHORTS } from './fixtures.js';

const CELLS = COHORTS.cohorts.reduce((n, c) => n + c.values.length, 0);

describe('<rapport-cohort-heatmap> in Chromium', () => {
  const suite = useBrowser();
  let page: Page;

  beforeAll(() => {
    suite.server.pages.set('/heatmap.html', hostPage('<rapport-cohort-heatmap id="heat" locale="en-US" theme="light" heading="Monthly retention" style="max-width: 980px"></rapport-cohort-heatmap>', RECORD_EVENTS));
  });

  async function open(metric = 'RETENTION', data = COHORTS): Promise<void> {
    page = await suite.browser.newPage({ viewport: { width: 1040, height: 760 }, reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto(`${suite.server.url}/heatmap.html`);
    await page.evaluate(
      async ([d, m]) => {
        await customElements.whenDefined('rapport-cohort-heatmap');
        const el = document.querySelector('rapport-cohort-heatmap')!;
        el.metric = m;
        el.data = d;
      },
      [data, metric] as const,
    );
    await page.locator('rapport-cohort-heatmap td.cell').first().waitFor();
  }

  it('draws one row per cohort, its size, and one cell per value equal to the data', async () => {
    await open();
    const rows = await page.locator('rapport-cohort-heatmap tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        label: tr.querySelector('th')!.textContent,
        size: tr.querySelector('.size')!.textContent,
        cells: [...tr.querySelectorAll<HTMLElement>('td.cell')].map((td) => ({ value: Number(td.dataset.value), text: td.textContent })),
      })),
    );
    expect(rows).toHaveLength(COHORTS.cohorts.length);
    const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
    COHORTS.cohorts.forEach((c, i) => {
      expect(rows[i]!.size).toBe(new Intl.NumberFormat('en-US').format(c.size));
      expect(rows[i]!.cells.map((x) => x.value)).toEqual(c.values);
      expect(rows[i]!.cells.map((x) => x.text)).toEqual(c.values.map((v) => pct.format(v)));
    });
    expect(rows[0]!.label).toBe('Dec 2010');
    expect(await page.locator('rapport-cohort-heatmap .legend').count()).toBe(1);
  });

  it('emits rapport-cohort-select with cohort, period and value on click', async () => {
    await open();
    await page.locator('rapport-cohort-heatmap td[data-row="1"][data-col="3"]').click();
    const c = COHORTS.cohorts[1]!;
    expect(await recordedEvents(page)).toEqual([
      { type: 'rapport-cohort-select', detail: { cohort: c.start, period: 3, value: c.values[3] }, target: 'heat', composed: true, bubbles: true },
    ]);
  });

  it('reaches every cell with the arrow keys, and Enter selects', async () => {
    await open();
    await page.keyboard.press('Tab');
    const visited = new Set<string>();
    const where = () =>
      page.evaluate(() => {
        const td = document.activeElement?.shadowRoot?.activeElement as HTMLElement | null;
        return td ? `${td.dataset.row},${td.dataset.col}` : '';
      });
    for (let row = 0; row < COHORTS.cohorts.length; row++) {
      await page.keyboard.press('Home');
      visited.add(await where());
      for (let k = 1; k < COHORTS.cohorts[row]!.values.length; k++) {
        await page.keyboard.press('ArrowRight');
        visited.add(await where());
      }
      await page.keyboard.press('ArrowDown');
    }
    visited.delete('');
    expect(visited.size).toBe(CELLS);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const first = COHORTS.cohorts[0]!;
    expect((await recordedEvents(page)).at(-1)?.detail).toEqual({ cohort: first.start, period: first.values.length - 1, value: first.values.at(-1) });
  });

  it('shows a tooltip on hover', async () => {
    await open();
    await page.locator('rapport-cohort-heatmap td[data-row="0"][data-col="2"]').hover();
    const text = await page.locator('rapport-cohort-heatmap .tooltip').textContent();
    expect(text).toContain('Dec 2010, month 2');
    expect(text).toContain('948 customers');
  });

  it('has no serious axe violation', async () => {
    await open();
    expect(await axeSerious(page)).toEqual([]);
  });

  it('gives every cell text 4.5:1 contrast across the whole colour ramp', async () => {
    // 100 values spread evenly over 0…1 (column 0 is 100 % by definition and is not coloured by the ramp), so some
    // fall in the mid-luminance band where neither black nor white text reaches 4.5:1 on the raw ramp colour.
    const cohorts = Array.from({ length: 10 }, (_, i) => ({
      start: new Date(Date.UTC(2011, i, 1)).toISOString().slice(0, 10),
      size: 100,
      values: [1, ...Array.from({ length: 10 }, (_, k) => Math.round(((i * 10 + k) / 99) * 10000) / 10000)],
    }));
    await open('RETENTION', { cohorts });
    const contrast = (await axeSerious(page)).filter((v) => v.id === 'color-contrast');
    expect(contrast).toEqual([]);
  });

  it('keeps its hidden header words inside the scrolling box on a 360 px page', async () => {
    await open();
    expect(await sidewaysOverflow(page, 360)).toBe(0);
  });

  it('keeps the cohort names in view when a narrow heatmap scrolls sideways', async () => {
    await open();
    await page.setViewportSize({ width: 360, height: 760 });
    const gap = await page.locator('rapport-cohort-heatmap').evaluate(async (el) => {
      const scroll = el.shadowRoot!.querySelector<HTMLElement>('.scroll')!;
      scroll.scrollLeft = 300;
      await new Promise(requestAnimationFrame);
      return el.shadowRoot!.querySelector('tbody th')!.getBoundingClientRect().left - scroll.getBoundingClientRect().left;
    });
    expect(Math.abs(gap)).toBeLessThan(4);
  });

  it('formats revenue metrics as amounts', async () => {
    const revenue = { cohorts: [{ start: '2011-01-01', size: 10, values: [12500, 3400.5, 980] }] };
    await open('REVENUE', revenue);
    const texts = await page.locator('rapport-cohort-heatmap td.cell').allTextContents();
    expect(texts).toEqual(['12.5K', '3.4K', '980']);
    expect(await page.locator('rapport-cohort-heatmap .meta').textContent()).toContain('Revenue');
  });

  it('renders the empty state for no cohorts', async () => {
    page = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/heatmap.html`);
    await page.evaluate(async () => {
      await customElements.whenDefined('rapport-cohort-heatmap');
      document.querySelector('rapport-cohort-heatmap')!.data = { cohorts: [] };
    });
    await expect.poll(() => page.locator('rapport-cohort-heatmap [part~="empty"]').textContent()).toContain('No cohorts');
  });

  it('matches its screenshot', async () => {
    await open();
    await page.mouse.move(0, 0);
    const png = await page.locator('rapport-cohort-heatmap').screenshot();
    expect((await matchScreenshot(page, 'cohort-heatmap', png)).ratio).toBeLessThan(0.01);
  });
});
