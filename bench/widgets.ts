/**
 * Widgets in Chromium with software WebGL (SwiftShader), one run (`npx tsx bench/widgets.ts [--quick] [--graph-only]`):
 * <rapport-influencer-graph> time to first render and to a stable layout (ForceAtlas2 in a worker, then noverlap)
 * for planted-partition graphs of 1k nodes / ~5k ties and 10k nodes / ~100k ties, with what stopped the layout (the
 * convergence criterion or the time cap) and after how many iterations; <rapport-sentiment-feed> frame
 * time scrolling 10,000 items; and the kit's in-browser `classify()` (onnxruntime-web WASM, the server's default
 * model) per text at batch 1 and in batches of 64, beside onnxruntime-web in Node on the same texts.
 */
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, hostPage, launchChromium, ROOT, serveStatic } from '../tests/browser/harness.js';
import { plantedNetwork } from '../tests/browser/influencer-graph-fixtures.js';
import { feedItems } from '../tests/browser/sentiment-feed-fixtures.js';
import { defaultModelName, loadWebModel as loadNodeWebModel, modelDir, readModelDir } from '../models/inference/node.js';

const quick = process.argv.includes('--quick');
const MODELS = /^\/models\/(default\.json|[a-z0-9-]+\/(model\.onnx|vocab\.json))$/;

const dist = await buildBundle();
const server = await serveStatic(dist, async (req, _body, res) => {
  const path = req.url ?? '';
  if (MODELS.test(path) || path.startsWith('/widgets/ort/')) {
    const file = path.startsWith('/models/') ? join(ROOT, path) : join(dist, path);
    const type = path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(await readFile(file));
    return true;
  }
  return false;
});
server.pages.set('/graph.html', hostPage('<rapport-influencer-graph locale="en-US" style="max-width: 1200px"></rapport-influencer-graph>'));
server.pages.set('/feed.html', hostPage('<rapport-sentiment-feed locale="en-US" live="off"></rapport-sentiment-feed>'));
server.pages.set('/classify.html', hostPage('', `<script type="module">import { classify } from '/widgets/rapport.js'; window.__classify = classify;</script>`));
const browser = await launchChromium();
const rows: string[] = [];

async function graph(label: string, nodes: number, communities: number, degree: number) {
  const data = plantedNetwork(nodes, communities, degree);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/graph.html`);
  await page.evaluate(() => customElements.whenDefined('rapport-influencer-graph'));
  const result = await page.evaluate(async (d) => {
    type El = HTMLElement & { data: unknown; stats(): { nodes: number; edges: number; stable: boolean; firstRenderMs?: number; layoutMs?: number; stoppedBy?: string; iterations?: number } };
    const el = document.querySelector('rapport-influencer-graph') as El;
    const t0 = performance.now();
    const stable = new Promise<number>((r) => el.addEventListener('rapport-layout-stable', () => r(performance.now() - t0), { once: true }));
    el.data = d;
    while (!el.stats().nodes) await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    const first = performance.now() - t0;
    const done = await stable;
    return { ...el.stats(), first, settled: done };
  }, data);
  await page.screenshot({ path: join(tmpdir(), `rapport-bench-graph-${nodes}.png`) }).catch(() => undefined);
  await page.close();
  rows.push(`graph ${label.padEnd(24)} ${result.nodes} nodes ${result.edges} ties: first render ${result.first.toFixed(0)} ms (sigma ${result.firstRenderMs?.toFixed(0)} ms), ` +
    `stable layout ${result.settled.toFixed(0)} ms (layout ${result.layoutMs?.toFixed(0)} ms, ${result.iterations} ForceAtlas2 iterations, ${((result.layoutMs ?? NaN) / (result.iterations ?? NaN)).toFixed(0)} ms each, stopped by ${result.stoppedBy === 'stable' ? 'the convergence criterion' : 'the time cap'}); load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(rows.at(-1));
}

async function feedScroll() {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${server.url}/feed.html`);
  const r = await page.evaluate(async (items) => {
    await customElements.whenDefined('rapport-sentiment-feed');
    const el = document.querySelector('rapport-sentiment-feed') as HTMLElement & { data: unknown };
    const t0 = performance.now();
    el.data = { items };
    let vp: HTMLElement | null = null;
    while (!(vp = el.shadowRoot!.querySelector<HTMLElement>('.viewport .row') && el.shadowRoot!.querySelector<HTMLElement>('.viewport'))) await new Promise(requestAnimationFrame);
    const first = performance.now() - t0;
    const frames: number[] = [];
    for (let i = 0; i < 120; i++) {
      const t = performance.now();
      vp.scrollTop += 700;
      await new Promise(requestAnimationFrame);
      frames.push(performance.now() - t);
    }
    frames.sort((a, b) => a - b);
    return { first, p50: frames[60]!, p95: frames[114]! };
  }, feedItems(10_000));
  await page.close();
  rows.push(`feed 10,000 items: first render ${r.first.toFixed(0)} ms, scroll frame p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
  console.log(rows.at(-1));
}

async function classifyInBrowser() {
  const items = feedItems(quick ? 256 : 1024).map((i) => i.text.replace(/number \d+/, 'about my order'));
  const texts = items.map((t, i) => `${t} ${['Thanks a lot!', 'Still waiting for a refund.', 'Please call me back.', 'Love it.'][i % 4]}`);
  const page = await browser.newPage();
  await page.goto(`${server.url}/classify.html`);
  await page.waitForFunction(() => '__classify' in window);
  const r = await page.evaluate(async (t) => {
    const classify = (window as unknown as { __classify(x: string[]): Promise<unknown[]> }).__classify;
    let t0 = performance.now();
    await classify(t.slice(0, 1));
    const cold = performance.now() - t0;
    t0 = performance.now();
    for (const x of t.slice(0, 100)) await classify([x]);
    const single = (performance.now() - t0) / 100;
    t0 = performance.now();
    await classify(t);
    return { cold, single, batched: (performance.now() - t0) / t.length };
  }, texts);
  await page.close();
  const name = defaultModelName();
  const node = await loadNodeWebModel(await readModelDir(modelDir(name)));
  await node.classify(texts.slice(0, 64));
  const t0 = performance.now();
  await node.classify(texts);
  const nodeMs = (performance.now() - t0) / texts.length;
  await node.dispose();
  rows.push(`classify in Chromium (${name}): first call ${r.cold.toFixed(0)} ms (download + compile), ${r.single.toFixed(2)} ms/text at batch 1, ${r.batched.toFixed(3)} ms/text at batch 64 (${texts.length} texts); onnxruntime-web in Node ${nodeMs.toFixed(3)} ms/text (ratio ${(r.batched / nodeMs).toFixed(2)})`);
  console.log(rows.at(-1));
}

try {
  await graph('1k (10 communities)', 1_000, 10, 10);
  if (!quick) await graph('10k (40 communities)', 10_000, 40, 20);
  if (!process.argv.includes('--graph-only')) {
    await feedScroll();
    await classifyInBrowser();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${rows.join('\n')}\nload average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
