import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { feedItems } from './sentiment-feed-fixtures.js';

const FIRST = feedItems(30).map((item, i) => ({ ...item, sequence: String(1000 - i), direction: 'INBOUND' }));

/**
 * Live arrivals against a scripted GraphQL endpoint (no database: what matters here is the order of events in the
 * page): the first page, an empty catch-up, and a subscription stream the test writes to.
 */
describe('<rapport-sentiment-feed> when live items arrive', () => {
  let page: Page;
  let stream: ServerResponse | undefined;
  const suite = useBrowser(() => (req, body, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/graphql')) return false;
    const json = (data: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    if ((req.headers.accept ?? '').includes('text/event-stream')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': open\n\n');
      stream = res;
    } else if (body.includes('RapportFeedTrend')) {
      json({ sentimentSummary: [] });
    } else {
      const catchUp = (JSON.parse(body) as { variables?: { addedAfter?: string } }).variables?.addedAfter != null;
      const items = catchUp ? [] : FIRST;
      json({ interactions: { lastSequence: '1000', edges: items.map((node) => ({ node })), pageInfo: { endCursor: null, hasNextPage: false } } });
    }
    return true;
  });

  beforeAll(async () => {
    suite.server.pages.set('/feed.html', hostPage('<rapport-sentiment-feed endpoint="/graphql" token="" locale="en-US" theme="light" style="max-width: 760px"></rapport-sentiment-feed>'));
    page = await suite.browser.newPage({ viewport: { width: 820, height: 900 }, reducedMotion: 'reduce', timezoneId: 'UTC' });
  });
  afterAll(() => void stream?.end()); // before the server closes (after-hooks run last first)

  const push = (n: number) => {
    for (let i = 0; i < n; i++) {
      const item = { ...FIRST[0]!, id: `new-${i}`, sequence: String(1001 + i), occurredAt: new Date(Date.UTC(2026, 5, 2, 0, i)).toISOString(), text: `Arrived ${i}` };
      stream!.write(`event: next\ndata: ${JSON.stringify({ data: { interactionAdded: item } })}\n\n`);
    }
  };

  it('keeps the keyboard on the same item when items arrive above it, and announces them once, politely', async () => {
    await page.goto(`${suite.server.url}/feed.html`);
    await page.locator('rapport-sentiment-feed .row').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('rapport-sentiment-feed')!.liveStatus)).toBe('live');
    await expect.poll(() => stream !== undefined).toBe(true);

    await page.locator('rapport-sentiment-feed .row[data-id="it-2"]').focus();
    push(3);
    await expect.poll(() => page.evaluate(() => document.querySelector('rapport-sentiment-feed')!.interactions.length)).toBe(33);
    await page.waitForTimeout(100);
    const after = await page.evaluate(() => {
      const root = document.querySelector('rapport-sentiment-feed')!.shadowRoot!;
      const active = root.querySelector<HTMLElement>('.row.active');
      return { focused: (root.activeElement as HTMLElement | null)?.dataset.id, active: active?.dataset.id, tabindex: active?.tabIndex };
    });
    expect(after).toEqual({ focused: 'it-2', active: 'it-2', tabindex: 0 });

    // Arrow keys go on from where the reader was, not from whatever slid into that position.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.querySelector('rapport-sentiment-feed')!.shadowRoot!.activeElement as HTMLElement).dataset.id)).toBe('it-3');

    const live = page.locator('rapport-sentiment-feed [role="status"][aria-live="polite"]');
    await expect.poll(() => live.textContent(), { timeout: 5_000 }).toBe('3 new conversations');
  });
});
