import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, hostPage, useBrowser } from './harness.js';
import { plantedNetwork } from './influencer-graph-fixtures.js';

const RECORD = `<script>window.__events = [];
for (const t of ['rapport-customer-select', 'rapport-ego-expand', 'rapport-window-change', 'rapport-layout-stable'])
  document.addEventListener(t, (e) => window.__events.push({ type: t, detail: e.detail }));
</script>`;
type Recorded = { type: string; detail: Record<string, unknown> };
type Stats = { nodes: number; edges: number; visibleNodes: number; visibleEdges: number; stable: boolean; layoutMs?: number };

describe('<rapport-influencer-graph> in Chromium (data property)', () => {
  const suite = useBrowser();
  let page: Page;
  const data = plantedNetwork(400, 6, 8);

  beforeAll(async () => {
    suite.server.pages.set('/graph.html', hostPage('<rapport-influencer-graph locale="en-US" theme="light" style="max-width: 1000px"></rapport-influencer-graph>', RECORD));
    page = await suite.browser.newPage({ viewport: { width: 1100, height: 1000 }, reducedMotion: 'reduce' });
    await page.goto(`${suite.server.url}/graph.html`);
    await page.evaluate(async (d) => {
      await customElements.whenDefined('rapport-influencer-graph');
      document.querySelector('rapport-influencer-graph')!.data = d as never;
    }, data);
    for (const deadline = Date.now() + 60_000; !(await stats()).stable; ) {
      if (Date.now() > deadline) throw new Error('layout never became stable');
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  const stats = () => page.evaluate(() => (document.querySelector('rapport-influencer-graph') as unknown as { stats(): Stats }).stats());
  const events = () => page.evaluate(() => (window as unknown as { __events: Recorded[] }).__events);
  const last = async (type: string) => (await events()).filter((e) => e.type === type).at(-1);

  it('draws every node and tie, the legend and the influencer table, and reports a stable layout', async () => {
    const s = await stats();
    expect(s.nodes).toBe(400);
    expect(s.visibleNodes).toBe(400);
    expect(s.edges).toBeGreaterThan(1000);
    expect(s.layoutMs).toBeGreaterThan(0);
    expect(await page.locator('rapport-influencer-graph canvas').count()).toBeGreaterThan(0);
    const legend = await page.locator('rapport-influencer-graph .legend button').evaluateAll((b) => b.map((x) => [x.getAttribute('data-community'), x.querySelector('.size')!.textContent]));
    expect(legend).toEqual(data.communities.map((c) => [c.id, String(c.size)]));
    const ranked = await page.locator('rapport-influencer-graph table.influencers tbody tr').evaluateAll((r) => r.map((x) => x.getAttribute('data-id')));
    expect(ranked).toEqual(data.influencers);
    expect((await last('rapport-layout-stable'))?.detail.ms).toBeGreaterThan(0);
  });

  it('finds a customer by name and emits rapport-customer-select', async () => {
    await page.locator('rapport-influencer-graph input[type="search"]').fill('Customer 123');
    await page.locator('rapport-influencer-graph .matches button[data-id="n123"]').click();
    expect(await last('rapport-customer-select')).toMatchObject({ detail: { id: 'n123', externalId: 'cust-123', source: 'search' } });
  });

  it('clicks a node, expands its ego network (radius 1 and 2) and filters', async () => {
    const top = data.influencers[0]!;
    await page.locator('rapport-influencer-graph .details .close').click();
    // Keyboard focus on the first influencer centres it and draws it above its neighbours, so the click hits it.
    await page.locator('rapport-influencer-graph .canvas').focus();
    await page.keyboard.press('ArrowRight');
    const pos = await page.evaluate((id) => (document.querySelector('rapport-influencer-graph') as unknown as { nodePosition(id: string): { x: number; y: number } }).nodePosition(id), top);
    expect(pos).not.toBeNull();
    await page.mouse.move(pos!.x, pos!.y);
    await page.mouse.click(pos!.x, pos!.y);
    await expect.poll(async () => (await last('rapport-customer-select'))?.detail.id).toBe(top);
    expect((await last('rapport-customer-select'))?.detail.source).toBe('click');

    await page.locator('rapport-influencer-graph .ego button[data-radius="1"]').click();
    const one = (await last('rapport-ego-expand'))!.detail as { id: string; radius: number; nodes: string[] };
    expect(one).toMatchObject({ id: top, radius: 1 });
    const neighbours = new Set(data.edges.flatMap((e) => (e.source === top ? [e.target] : e.target === top ? [e.source] : [])));
    expect(new Set(one.nodes)).toEqual(new Set([top, ...neighbours]));
    await page.locator('rapport-influencer-graph .ego button[data-radius="2"]').click();
    const two = (await last('rapport-ego-expand'))!.detail as { nodes: string[] };
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    await page.locator('rapport-influencer-graph .details .close').click();

    await page.locator('rapport-influencer-graph select[data-filter="community"]').selectOption('2');
    expect((await stats()).visibleNodes).toBe(data.communities[2]!.size);
    await page.locator('rapport-influencer-graph select[data-filter="community"]').selectOption('');
    await page.locator('rapport-influencer-graph select[data-filter="role"]').selectOption('HUB');
    expect((await stats()).visibleNodes).toBe(100);
    await page.locator('rapport-influencer-graph select[data-filter="role"]').selectOption('');
  });

  it('replays evolution with the time slider', async () => {
    const slider = page.locator('rapport-influencer-graph input[type="range"]');
    await slider.fill('0');
    expect(await last('rapport-window-change')).toMatchObject({ detail: { index: 0, label: '2026-Q1' } });
    expect((await stats()).visibleNodes).toBe(200);
    await slider.fill('1');
    expect((await last('rapport-window-change'))?.detail.label).toBe('2026-Q2');
    expect(await page.locator('rapport-influencer-graph .events').textContent()).toContain('Groups t0 + t1 merged into t0');
    await slider.fill('2');
    expect((await last('rapport-window-change'))?.detail.index).toBe(-1);
    expect((await stats()).visibleNodes).toBe(400);
  });

  it('cycles influencers with the keyboard and passes axe', async () => {
    await page.locator('rapport-influencer-graph .canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await last('rapport-customer-select')).toMatchObject({ detail: { id: data.influencers[1], source: 'keyboard' } });
    expect(await page.locator('rapport-influencer-graph [role="status"]').textContent()).toContain('2 of 20');
    expect(await axeSerious(page)).toEqual([]);
  });

  it('hides the ties while the layout moves, and stops a 2,000-node layout by the convergence criterion', async () => {
    const p = await suite.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await p.goto(`${suite.server.url}/graph.html`);
    const seen = await p.evaluate(async (d) => {
      await customElements.whenDefined('rapport-influencer-graph');
      const el = document.querySelector('rapport-influencer-graph') as unknown as HTMLElement & { data: unknown; stats(): Stats };
      const stable = new Promise<Record<string, unknown>>((r) => el.addEventListener('rapport-layout-stable', (e) => r((e as CustomEvent).detail), { once: true }));
      el.data = d;
      const moving: Array<[number, number]> = [];
      for (let s = el.stats(); !s.stable; s = el.stats()) {
        if (s.nodes) moving.push([s.visibleNodes, s.visibleEdges]);
        await new Promise((r) => setTimeout(r, 100));
      }
      return { moving, after: el.stats(), detail: await stable };
    }, plantedNetwork(2000, 10, 10));
    expect(seen.moving.length).toBeGreaterThan(0);
    expect(seen.moving.every(([nodes, ties]) => nodes === 2000 && ties === 0)).toBe(true);
    expect(seen.after.visibleEdges).toBe(seen.after.edges);
    expect(seen.detail).toMatchObject({ stoppedBy: 'stable' });
    expect(seen.detail.iterations).toBeGreaterThanOrEqual(20);
    await p.close();
  });

  it('says so and shows the tables where WebGL is unavailable', async () => {
    const p = await suite.browser.newPage();
    await p.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await p.goto(`${suite.server.url}/graph.html`);
    await p.evaluate(async (d) => {
      await customElements.whenDefined('rapport-influencer-graph');
      document.querySelector('rapport-influencer-graph')!.data = d as never;
    }, plantedNetwork(60, 3, 4));
    expect(await p.locator('rapport-influencer-graph .fallback').textContent()).toContain('needs WebGL');
    expect(await p.locator('rapport-influencer-graph .tables table.communities tbody tr').count()).toBe(3);
    expect(await p.locator('rapport-influencer-graph canvas').count()).toBe(0);
    await p.close();
  });
});
