import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { feedItems } from './sentiment-feed-fixtures.js';

/** The WAI-ARIA feed pattern with real key presses: Page Down/Up between articles, Ctrl+End/Home out, few tab stops. */
describe('<rapport-sentiment-feed> keyboard', () => {
  const suite = useBrowser();
  let page: Page;

  beforeAll(async () => {
    suite.server.pages.set(
      '/feed.html',
      hostPage(`<button id="before">Before</button>
        <rapport-sentiment-feed id="feed" locale="en-US" theme="light" style="max-width: 760px"></rapport-sentiment-feed>
        <button id="after">After</button>`),
    );
    page = await suite.browser.newPage({ viewport: { width: 820, height: 900 }, reducedMotion: 'reduce', timezoneId: 'UTC' });
  });

  async function open(n: number): Promise<void> {
    await page.goto(`${suite.server.url}/feed.html`);
    await page.evaluate(async (data) => {
      await customElements.whenDefined('rapport-sentiment-feed');
      document.querySelector('rapport-sentiment-feed')!.data = { items: data as never };
    }, feedItems(n));
    await page.locator('rapport-sentiment-feed .row').first().waitFor();
  }

  /** Where focus is: a page element's id, or inside the feed the row's position and the focused element's class. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (el?.localName !== 'rapport-sentiment-feed') return { id: el?.id ?? '' };
      const inner = el.shadowRoot!.activeElement;
      const row = inner?.closest('.row');
      return { row: row ? Number(row.getAttribute('aria-posinset')) : undefined, on: inner === row ? 'article' : inner?.localName + '.' + inner?.className };
    });

  it('leaves an 80-item feed with three Tab presses, and comes back with one Shift+Tab', async () => {
    await open(80);
    await page.locator('rapport-sentiment-feed .row').first().focus();
    let presses = 0;
    while (presses < 200 && (await focused()).id !== 'after') {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBe(3); // the article, its name button, its "Why?" button
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ row: 1, on: 'button.why' });
  });

  it('moves between articles with Page Down / Page Up, from the article and from its buttons', async () => {
    await open(80);
    await page.locator('rapport-sentiment-feed .row').first().focus();
    await page.keyboard.press('PageDown');
    expect(await focused()).toEqual({ row: 2, on: 'article' });
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ row: 2, on: 'button.who' });
    await page.keyboard.press('PageDown');
    expect(await focused()).toEqual({ row: 3, on: 'article' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ row: 3, on: 'button.why' });
    await page.keyboard.press('PageUp');
    expect(await focused()).toEqual({ row: 2, on: 'article' });
  });

  it('Ctrl+End moves to what follows the feed, Ctrl+Home to the controls before it', async () => {
    await open(80);
    await page.locator('rapport-sentiment-feed .row').nth(2).focus();
    await page.keyboard.press('Control+End');
    expect(await focused()).toEqual({ id: 'after' });
    await page.locator('rapport-sentiment-feed .row').first().locator('.why').focus();
    await page.keyboard.press('Control+End');
    expect(await focused()).toEqual({ id: 'after' });
    await page.locator('rapport-sentiment-feed .row').nth(1).focus();
    await page.keyboard.press('Control+Home');
    // The last control above the list: the sentiment filter.
    expect(await focused()).toEqual({ row: undefined, on: 'select.' });
    expect(await page.evaluate(() => document.activeElement!.shadowRoot!.activeElement!.closest('label')?.textContent ?? '')).toMatch(/sentiment/i);
  });

  it('keeps the active article as its Tab stop when scrolling has taken it out of the drawn rows', async () => {
    await open(80);
    await page.locator('rapport-sentiment-feed .row').nth(1).focus();
    await page.locator('#after').focus();
    await page.locator('rapport-sentiment-feed .viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
    // Rows near the end are drawn; the first rows are not, but the active one (row 2) is.
    await page.locator('rapport-sentiment-feed .row[aria-posinset="80"]').waitFor();
    expect(await page.locator('rapport-sentiment-feed .row[aria-posinset="1"]').count()).toBe(0);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ row: 2, on: 'button.why' });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toEqual({ row: 2, on: 'article' });
  });
});
