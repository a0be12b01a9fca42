import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, hostPage, matchScreenshot, useBrowser } from './harness.js';
import { XSS, feedItems } from './sentiment-feed-fixtures.js';

const RECORD = `<script>window.__events = [];
for (const t of ['rapport-interaction-select', 'rapport-customer-select']) document.addEventListener(t, (e) => window.__events.push({ type: t, detail: e.detail }));
</script>`;

describe('<rapport-sentiment-feed> in Chromium', () => {
  const suite = useBrowser();
  let page: Page;

  beforeAll(async () => {
    suite.server.pages.set('/feed.html', hostPage('<rapport-sentiment-feed id="feed" locale="en-US" theme="light" style="max-width: 760px"></rapport-sentiment-feed>', RECORD));
    page = await suite.browser.newPage({ viewport: { width: 820, height: 900 }, reducedMotion: 'reduce', timezoneId: 'UTC', colorScheme: 'light' });
  });

  async function open(items: unknown[]): Promise<void> {
    await page.goto(`${suite.server.url}/feed.html`);
    await page.evaluate(async (data) => {
      await customElements.whenDefined('rapport-sentiment-feed');
      document.querySelector('rapport-sentiment-feed')!.data = { items: data as never };
    }, items);
    await page.locator('rapport-sentiment-feed .row').first().waitFor();
  }

  it('lists items newest first with badge, probability and sparkline; virtualises 10,000 items', async () => {
    const items = feedItems(10_000);
    await open([...items].reverse());
    const first = page.locator('rapport-sentiment-feed .row').first();
    expect(await first.getAttribute('data-id')).toBe('it-0');
    expect(await first.locator('.badge').textContent()).toMatch(/Positive\s+50%/);
    expect(await page.locator('rapport-sentiment-feed .count').textContent()).toBe('10,000 shown');
    expect(await page.locator('rapport-sentiment-feed .trend path').count()).toBe(1);
    const rendered = await page.locator('rapport-sentiment-feed .row').count();
    expect(rendered).toBeLessThan(40);

    // Scroll to the bottom in steps and time the frames: the DOM stays small and the last item appears.
    const timing = await page.evaluate(async () => {
      const vp = document.querySelector('rapport-sentiment-feed')!.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
      const frames: number[] = [];
      let last = performance.now();
      for (let y = 0; y <= vp.scrollHeight; y += 20_000) {
        vp.scrollTop = y;
        await new Promise(requestAnimationFrame);
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      vp.scrollTop = vp.scrollHeight;
      await new Promise((r) => setTimeout(r, 100));
      frames.sort((a, b) => a - b);
      return { median: frames[frames.length >> 1]!, rows: vp.querySelectorAll('.row').length };
    });
    expect(timing.rows).toBeLessThan(40);
    // Frame times are reported, not asserted (tests never assert wall-clock times): bench/widgets.ts measures them.
    console.info(`feed: median frame while scrolling 10,000 items ${timing.median.toFixed(0)} ms`);
    await page.locator('rapport-sentiment-feed .row[data-id="it-9999"]').waitFor();
  });

  it('filters by channel and sentiment, selects with the keyboard, emits ids', async () => {
    await open(feedItems(300));
    await page.locator('rapport-sentiment-feed select').first().selectOption('email');
    const channels = await page.locator('rapport-sentiment-feed .row .channel').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(new Set(channels)).toEqual(new Set(['Email']));
    await page.locator('rapport-sentiment-feed select').nth(1).selectOption('negative');
    const badges = await page.locator('rapport-sentiment-feed .row .badge').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) expect(b).toContain('Negative');

    await page.locator('rapport-sentiment-feed .row').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = await page.locator('rapport-sentiment-feed .row').nth(1).getAttribute('data-id');
    await page.locator('rapport-sentiment-feed .row').first().locator('button.who').click();
    const events = await page.evaluate(() => (window as unknown as { __events: Array<{ type: string; detail: { id: string } }> }).__events);
    expect(events[0]).toMatchObject({ type: 'rapport-interaction-select', detail: { id: second } });
    expect(events[1]?.type).toBe('rapport-customer-select');
    expect(events[1]?.detail.id).toMatch(/^c-/);
    expect(await axeSerious(page)).toEqual([]);
  });

  it('renders XSS payloads as inert text', async () => {
    const items = XSS.map((text, i) => ({
      id: `x-${i}`, channel: 'social', occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), text,
      author: text, customer: { id: `cx-${i}`, name: text }, sentiment: null,
    }));
    await open(items);
    await page.locator('rapport-sentiment-feed').evaluate((el) => el.style.setProperty('--rapport-feed-height', '1600px'));
    await page.waitForTimeout(300);
    const result = await page.evaluate(() => {
      const root = document.querySelector('rapport-sentiment-feed')!.shadowRoot!;
      const texts = [...root.querySelectorAll('.row .text')].map((p) => p.textContent);
      const injected = root.querySelectorAll('.row script, .row img, .row iframe, .row object, .row details, .row input, .row math, .row a, .row .text svg, .row .text *').length;
      return { texts, injected, pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0, bodyExtra: document.querySelectorAll('body > :not(rapport-sentiment-feed):not(script)').length };
    });
    expect(result.pwned).toBe(0);
    expect(result.injected).toBe(0);
    expect(result.bodyExtra).toBe(0);
    expect(new Set(result.texts)).toEqual(new Set(XSS));
  });

  it('keeps the name visible and "Why?" inside the row in a 360 px widget on a wide page', async () => {
    await open(feedItems(20));
    await page.locator('rapport-sentiment-feed').evaluate((el) => (el.style.maxWidth = '360px'));
    await page.waitForTimeout(200);
    const rows = await page.locator('rapport-sentiment-feed .row').evaluateAll((rows) =>
      rows.slice(0, 6).map((row) => {
        const box = row.getBoundingClientRect();
        const who = row.querySelector('.who')!.getBoundingClientRect();
        const why = row.querySelector('.why')!.getBoundingClientRect();
        const text = row.querySelector('.text')!.getBoundingClientRect();
        return { who: who.width, whyInside: why.right <= box.right + 0.5, textInside: text.bottom <= box.bottom + 0.5 };
      }),
    );
    for (const row of rows) {
      expect(row.who).toBeGreaterThan(40);
      expect(row).toMatchObject({ whyInside: true, textInside: true });
    }
  });

  it('draws focus rings inside the boxes that clip them', async () => {
    await open(feedItems(20));
    const outside: string[] = [];
    for (const selector of ['.row[data-id="it-0"]', '.row[data-id="it-0"] .who', '.row[data-id="it-0"] .why']) {
      await page.locator(`rapport-sentiment-feed ${selector}`).focus();
      await page.keyboard.press('Shift');
      const clipped = await page.locator('rapport-sentiment-feed').evaluate((el, sel) => {
        const root = el.shadowRoot!;
        const target = root.querySelector(sel)!;
        const s = getComputedStyle(target);
        const grow = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
        const r = target.getBoundingClientRect();
        const clips = [root.querySelector('.viewport')!, target.closest('.row')!].filter((c) => c !== target);
        return clips.some((c) => {
          const b = c.getBoundingClientRect();
          return r.left - grow < b.left || r.right + grow > b.right || r.top - grow < b.top || r.bottom + grow > b.bottom;
        });
      }, selector);
      if (clipped) outside.push(selector);
    }
    expect(outside).toEqual([]);
  });

  it('matches its screenshot', async () => {
    await open(feedItems(40));
    await page.locator('rapport-sentiment-feed .row[data-id="it-1"] .why').evaluate((b) => b.blur());
    const png = await page.locator('rapport-sentiment-feed').screenshot();
    const result = await matchScreenshot(page, 'sentiment-feed', png);
    expect(result.ratio).toBeLessThan(0.01);
  });
});
