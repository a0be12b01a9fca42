import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { CLI, LiveServer, useLiveServer } from './sentiment-feed-server.js';

type FeedState = { ids: string[]; status: string };

describe.skipIf(!existsSync(CLI))('<rapport-sentiment-feed> against the real server', () => {
  let page: Page;
  let trendRequests = 0;
  let pageRequests = 0;

  const live = useLiveServer('rapport-feed-');
  const suite = useBrowser(() => live.server.proxy());
  beforeAll(async () => {
    suite.server.pages.set('/feed.html', hostPage('<rapport-sentiment-feed locale="en-US" limit="200"></rapport-sentiment-feed>'));
    page = await suite.browser.newPage({ viewport: { width: 900, height: 900 } });
    page.on('request', (r) => {
      const body = r.postData() ?? '';
      if (body.includes('RapportFeedTrend')) trendRequests++;
      if (/query RapportFeed\(/.test(body)) pageRequests++;
    });
  });

  const state = () =>
    page.evaluate(() => {
      const el = document.querySelector('rapport-sentiment-feed') as unknown as { interactions: Array<{ id: string }>; liveStatus: string };
      return { ids: el.interactions.map((i) => i.id), status: el.liveStatus } satisfies FeedState;
    });
  const texts = () => page.evaluate(() => (document.querySelector('rapport-sentiment-feed') as unknown as { interactions: Array<{ text: string }> }).interactions.map((i) => i.text));

  it("shows the API's newest interactions, then a new one pushed by the subscription", async () => {
    const { interactions } = await live.server.graphql<{ interactions: { edges: Array<{ node: { id: string } }> } }>('{ interactions(first: 5) { edges { node { id } } } }');
    await page.goto(`${suite.server.url}/feed.html`);
    await page.locator('rapport-sentiment-feed .row').first().waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await state()).status, { timeout: 20_000 }).toBe('live');
    expect((await state()).ids.slice(0, 5)).toEqual(interactions.edges.map((e) => e.node.id));

    const text = `Live check ${Date.now()}: <b>delivery</b> was quick, thanks!`;
    expect(pageRequests).toBeGreaterThan(0); // the first page was fetched, so the count sees the list's queries
    const [t0, pagesBefore] = [Date.now(), pageRequests];
    await live.server.addInteraction(`feed-live-${Date.now()}`, text);
    await page.locator('rapport-sentiment-feed .row .text', { hasText: text }).first().waitFor({ timeout: 15_000 });
    // The latency is reported, not asserted (tests never assert wall-clock times); what is asserted is that the
    // item was pushed: no page of the list was fetched meanwhile.
    console.log(`feed: new interaction shown ${Date.now() - t0} ms after the mutation returned`);
    expect(pageRequests).toBe(pagesBefore);
    // The sparkline follows: refetched once the live item is in.
    await expect.poll(() => trendRequests, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
  });

  it('survives a server restart mid-stream without losing or duplicating items, an old-dated import included', async () => {
    const before = await state();
    const oldest = await page.evaluate(() => (document.querySelector('rapport-sentiment-feed') as unknown as { interactions: Array<{ occurredAt: string }> }).interactions.at(-1)!.occurredAt);
    live.server.refuseStreams = true;
    await live.server.stop();
    await expect.poll(async () => (await state()).status, { timeout: 10_000 }).toBe('reconnecting');
    await live.server.start();
    // Written while the page cannot reconnect: only the catch-up after reconnecting can bring them. One is dated a
    // year before anything the feed shows, so "everything newer than what I hold" would never find it.
    const early = `Added during the restart ${Date.now()}`;
    const old = `Imported late, dated long ago ${Date.now()}`;
    await live.server.addInteraction(`feed-early-${Date.now()}`, early);
    await live.server.addInteraction(`feed-old-${Date.now()}`, old, new Date(Date.parse(oldest) - 365 * 86_400_000));
    expect((await state()).status).toBe('reconnecting');
    live.server.refuseStreams = false;
    await expect.poll(async () => (await state()).status, { timeout: 30_000 }).toBe('live');
    const late = `Added after reconnecting ${Date.now()}`;
    await live.server.addInteraction(`feed-late-${Date.now()}`, late);
    await expect.poll(async () => (await texts()).filter((t) => t === early || t === late || t === old).length, { timeout: 5_000 }).toBe(3);

    const after = await state();
    expect(new Set(after.ids).size).toBe(after.ids.length);
    expect(after.ids.length).toBe(before.ids.length + 3);
    for (const id of before.ids) expect(after.ids).toContain(id);
    // Newest first: the old-dated item sits below everything that was shown.
    expect((await texts()).at(-1)).toBe(old);
    await page.locator('rapport-sentiment-feed .row .text', { hasText: late }).first().waitFor({ timeout: 2_000 });
  });

  it('starts afresh when the server behind it numbers differently (an upgrade, another store), rather than catch up from a sequence that is gone', async () => {
    const before = await state();
    const heard = await page.evaluate(() =>
      Math.max(...(document.querySelector('rapport-sentiment-feed') as unknown as { interactions: Array<{ sequence: string }> }).interactions.map((i) => Number(i.sequence))));
    await live.server.stop();
    await expect.poll(async () => (await state()).status, { timeout: 10_000 }).toBe('reconnecting');
    // Another store on the same port: the same demo, with ids of its own and sequences below what the page heard.
    const other = new LiveServer(live.server.port, await mkdtemp(join(tmpdir(), 'rapport-feed-other-')));
    try {
      await other.start();
      const { interactions } = await other.graphql<{ interactions: { lastSequence: string; edges: Array<{ node: { id: string } }> } }>(
        '{ interactions(first: 5) { lastSequence edges { node { id } } } }');
      expect(Number(interactions.lastSequence)).toBeLessThan(heard);
      const fresh = interactions.edges.map((e) => e.node.id);
      await expect.poll(async () => (await state()).ids.slice(0, 5), { timeout: 30_000 }).toEqual(fresh);
      const after = await state();
      expect(after.ids.filter((id) => before.ids.includes(id))).toEqual([]);
      await expect.poll(async () => (await state()).status, { timeout: 30_000 }).toBe('live');
    } finally {
      await other.stop();
      await rm(other.dataDir, { recursive: true, force: true });
    }
  });
});
