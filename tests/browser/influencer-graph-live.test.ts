import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hostPage, useBrowser } from './harness.js';
import { CLI, useLiveServer } from './sentiment-feed-server.js';

type Recorded = { type: string; detail: Record<string, unknown> };
type Stats = { nodes: number; edges: number; visibleNodes: number; stable: boolean; layoutMs?: number; firstRenderMs?: number; stoppedBy?: string; iterations?: number };
const RECORD = `<script>window.__events = [];
for (const t of ['rapport-customer-select', 'rapport-ego-expand', 'rapport-window-change'])
  document.addEventListener(t, (e) => window.__events.push({ type: t, detail: e.detail }));
window.__loading = new Set();
(function watch() {
  const panel = document.querySelector('rapport-influencer-graph')?.shadowRoot?.querySelector('[part="loading"]');
  if (panel) window.__loading.add(panel.textContent.trim());
  if (!document.querySelector('rapport-influencer-graph')?.shadowRoot?.querySelector('.legend')) requestAnimationFrame(watch);
})();
</script>`;

describe.skipIf(!existsSync(CLI))('<rapport-influencer-graph> against the real server (demo tenant)', () => {
  let page: Page;
  let edgeRequests = 0;

  const live = useLiveServer('rapport-graph-');
  const suite = useBrowser(() => live.server.proxy());
  beforeAll(async () => {
    suite.server.pages.set('/graph.html', hostPage('<rapport-influencer-graph locale="en-US" style="max-width: 1100px"></rapport-influencer-graph>', RECORD));
    page = await suite.browser.newPage({ viewport: { width: 1200, height: 1000 }, reducedMotion: 'reduce' });
    page.on('request', (r) => (r.postData() ?? '').includes('RapportNetworkEdges') && edgeRequests++);
  });

  const stats = () => page.evaluate(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): Stats }).stats());
  const allTies = async () => {
    type Page = { network: { edges: { edges: Array<{ node: { source: string; target: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const out: Array<{ source: string; target: string }> = [];
    for (let after: string | null = null; ; ) {
      const { network }: Page = await live.server.graphql<Page>(`query($after: String) { network { edges(first: 500, after: $after) {
        edges { node { source target } } pageInfo { hasNextPage endCursor } } } }`, { after });
      out.push(...network.edges.edges.map((e) => e.node));
      if (!network.edges.pageInfo.hasNextPage) return out;
      after = network.edges.pageInfo.endCursor;
    }
  };
  const last = async (type: string) => (await page.evaluate(() => (window as unknown as { __events: Recorded[] }).__events)).filter((e) => e.type === type).at(-1);

  it("draws the API's communities and influencers, clicks a node and expands its ego network from the API", async () => {
    type Api = {
      network: { nodeCount: number; communities: Array<{ id: string; size: number }>; influencers: Array<{ customer: { id: string } }> };
      communityEvolution: { windows: Array<{ index: number }>; tracks: Array<{ snapshots: Array<{ window: number; members: Array<{ id: string }> }> }> };
    };
    const api = await live.server.graphql<Api>(`{ network { nodeCount communities { id size } influencers(first: 20) { customer { id } } }
      communityEvolution(period: QUARTER) { windows { index } tracks { snapshots { window members(first: 500) { id } } } } }`);
    await page.goto(`${suite.server.url}/graph.html`);
    await page.locator('rapport-influencer-graph .legend button').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => stats().then((s) => s.stable), { timeout: 90_000, interval: 1_000 }).toBe(true);
    const s = await stats();
    console.log(`graph (demo tenant): ${s.nodes} nodes, ${s.edges} ties, first render ${s.firstRenderMs?.toFixed(0)} ms, stable layout ${s.layoutMs?.toFixed(0)} ms (${s.stoppedBy}, ${s.iterations} iterations)`);
    expect(s.nodes).toBe(api.network.nodeCount);

    // The whole graph: the same ties as network.edges, every customer in its API community.
    const ties = await allTies();
    const drawn = await page.evaluate(() => {
      const graph = (document.querySelector('rapport-influencer-graph') as unknown as { graph: { forEachEdge(f: (e: string, a: unknown, s: string, t: string) => void): void; forEachNode(f: (n: string, a: { community: string | null }) => void): void } }).graph;
      const edges: string[] = [];
      const communities: Record<string, number> = {};
      graph.forEachEdge((_e, _a, s, t) => edges.push(s < t ? `${s} ${t}` : `${t} ${s}`));
      graph.forEachNode((_n, a) => void (communities[a.community ?? ''] = (communities[a.community ?? ''] ?? 0) + 1));
      return { edges, communities };
    });
    expect(s.edges).toBe(ties.length);
    expect(new Set(drawn.edges)).toEqual(new Set(ties.map((e) => (e.source < e.target ? `${e.source} ${e.target}` : `${e.target} ${e.source}`))));
    expect(drawn.communities).toEqual(Object.fromEntries(api.network.communities.map((c) => [c.id, c.size])));
    // Paged in 500s, with the count shown while loading.
    expect(edgeRequests).toBe(Math.ceil(ties.length / 500));
    const loading = await page.evaluate(() => [...(window as unknown as { __loading: Set<string> }).__loading]);
    expect(loading.some((t) => /^Loading network: [\d,]+ of [\d,]+ ties…$/.test(t))).toBe(true);

    const legend = await page.locator('rapport-influencer-graph .legend button').evaluateAll((b) => b.map((x) => ({ id: x.getAttribute('data-community'), size: Number(x.querySelector('.size')!.textContent!.replace(/,/g, '')) })));
    expect(legend).toEqual(api.network.communities);
    const ranked = await page.locator('rapport-influencer-graph table.influencers tbody tr').evaluateAll((r) => r.map((x) => x.getAttribute('data-id')));
    expect(ranked).toEqual(api.network.influencers.map((i) => i.customer.id));

    const top = api.network.influencers[0]!.customer.id;
    // Keyboard focus on the first influencer centres it and draws it above its neighbours.
    await page.locator('rapport-influencer-graph .canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    const pos = await page.evaluate((id) => (document.querySelector('rapport-influencer-graph') as unknown as { nodePosition(id: string): { x: number; y: number } }).nodePosition(id), top);
    await page.mouse.move(pos!.x, pos!.y);
    await page.mouse.click(pos!.x, pos!.y);
    await expect.poll(async () => (await last('rapport-customer-select'))?.detail.id).toBe(top);

    const { network } = await live.server.graphql<{ network: { egoNetwork: { nodes: Array<{ customer: { id: string } }> } } }>(
      `{ network { egoNetwork(customer: ${JSON.stringify(top)}, radius: 1, first: 500) { nodes { customer { id } } } } }`,
    );
    await page.locator('rapport-influencer-graph .ego button[data-radius="1"]').click();
    await expect.poll(async () => (await last('rapport-ego-expand'))?.detail.radius).toBe(1);
    const ego = (await last('rapport-ego-expand'))!.detail as { nodes: string[] };
    expect(new Set(ego.nodes)).toEqual(new Set(network.egoNetwork.nodes.map((n) => n.customer.id)));
    await page.locator('rapport-influencer-graph .details .close').click();

    // The first window shows only the customers tracked in it.
    await page.locator('rapport-influencer-graph input[type="range"]').fill('0');
    const inFirst = new Set(api.communityEvolution.tracks.flatMap((t) => t.snapshots.filter((x) => x.window === 0).flatMap((x) => x.members.map((m) => m.id))));
    await expect.poll(async () => (await stats()).visibleNodes).toBeLessThan(s.nodes);
    expect((await stats()).visibleNodes).toBeLessThanOrEqual(inFirst.size);
    expect((await last('rapport-window-change'))?.detail.index).toBe(0);
  });

  it('runs in the playground: Community and Conversations views', async () => {
    const p = await suite.browser.newPage({ viewport: { width: 1280, height: 1200 }, reducedMotion: 'reduce' });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${suite.server.url}/playground/#/community`);
    await p.locator('rapport-influencer-graph .legend button').first().waitFor({ timeout: 60_000 });
    expect(await p.locator('.embed summary').first().textContent()).toContain('Embed this');
    await p.locator('a[data-route="conversations"]').click();
    await p.locator('rapport-sentiment-feed .row').first().waitFor({ timeout: 30_000 });
    // Explanations in the page: the playground's own build of onnxruntime-web and the server's /models/.
    const classifyCalls: string[] = [];
    p.on('request', (r) => (r.postData() ?? '').includes('classify') && classifyCalls.push(r.url()));
    await p.locator('input[type="checkbox"]').check();
    await p.locator('rapport-sentiment-feed .row .why').first().click();
    await p.locator('rapport-sentiment-feed .row .explain mark').first().waitFor({ timeout: 60_000 });
    expect(classifyCalls).toEqual([]);
    await p.locator('rapport-sentiment-feed .row .who').first().click();
    await expect.poll(() => p.evaluate(() => location.hash)).toMatch(/^#\/customers\//);
    expect(errors).toEqual([]);
    await p.close();
  });
});
