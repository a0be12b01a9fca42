import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildBundle, hostPage, useBrowser } from './harness.js';
import { CLI, useLiveServer } from './sentiment-feed-server.js';

type Prediction = { label: string; probabilities: Record<'positive' | 'neutral' | 'negative', number>; modelId?: string };

describe.skipIf(!existsSync(CLI))('classify="local": the server model in the browser (onnxruntime-web)', () => {
  let page: Page;
  let texts: string[];
  const requests: Array<{ url: string; body: string }> = [];

  const live = useLiveServer('rapport-local-');
  beforeAll(async () => {
    const { interactions } = await live.server.graphql<{ interactions: { edges: Array<{ node: { text: string } }> } }>('{ interactions(first: 190) { edges { node { text } } } }');
    texts = [
      ...interactions.edges.map((e) => e.node.text),
      'Private note: the merger with Acme closes Friday, keep it quiet.',
      'I love the new dashboard, thank you!',
      'Worst support experience ever. Cancel my account.',
      'Can you send the invoice again?',
      '<script>alert(1)</script> great product',
      '😀 fantastic!!!',
      '',
      'ok',
      'Meeting moved to 3pm; bring the Q3 numbers.',
      'The delivery was late and the box was damaged.',
    ];
  });

  const suite = useBrowser(() => async (req, body, res) => {
    // Served as application/wasm so the browser can compile while downloading.
    if (req.url?.startsWith('/widgets/ort/')) {
      const type = req.url.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      res.writeHead(200, { 'content-type': type }).end(await readFile(join(await buildBundle(), req.url)));
      return true;
    }
    return live.server.proxy()(req, body, res);
  });
  beforeAll(async () => {
    suite.server.pages.set('/local.html', hostPage(
      '<rapport-sentiment-feed locale="en-US" classify="local" live="off"></rapport-sentiment-feed>',
      `<script type="module">import { classify } from '/widgets/rapport.js'; window.__classify = classify;</script>`,
    ));
    page = await suite.browser.newPage();
    page.on('console', (m) => m.type() === 'error' || m.type() === 'warning' ? console.log(`page ${m.type()}: ${m.text()}`) : undefined);
    page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
  });

  it("returns the server's labels and probabilities (±1e-4) for 200 texts, and no request carries them", async () => {
    const { classify: expected } = await live.server.graphql<{ classify: Prediction[] }>(
      'query C($texts: [String!]!) { classify(texts: $texts) { label probabilities { positive neutral negative } modelId } }',
      { texts },
    );
    await page.goto(`${suite.server.url}/local.html`);
    await page.waitForFunction(() => '__classify' in window);
    const { got, ms, warm } = await page.evaluate(async (t) => {
      const { __classify: classify } = window as unknown as { __classify(texts: string[]): Promise<unknown[]> };
      const t0 = performance.now();
      const got = await classify(t);
      const ms = performance.now() - t0;
      const t1 = performance.now();
      await classify(t);
      return { got, ms, warm: performance.now() - t1 };
    }, texts);
    console.log(`local classify: 200 texts cold ${ms.toFixed(0)} ms (model download + WASM start), warm ${warm.toFixed(0)} ms = ${(warm / texts.length).toFixed(2)} ms/text`);
    const predictions = got as Prediction[];
    expect(predictions).toHaveLength(200);
    let worst = 0;
    predictions.forEach((p, i) => {
      const e = expected[i]!;
      expect(p.label, texts[i]).toBe(e.label);
      for (const k of ['positive', 'neutral', 'negative'] as const) worst = Math.max(worst, Math.abs(p.probabilities[k] - e.probabilities[k]));
    });
    console.log(`local classify: largest probability difference from the server ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-4);
    expect(predictions[0]!.modelId).toBe(expected[0]!.modelId);

    const fetched = requests.map((r) => new URL(r.url).pathname);
    expect(fetched).toContain('/models/default.json');
    expect(fetched.some((p) => p.endsWith('/model.onnx'))).toBe(true);
    expect(fetched.some((p) => p.endsWith('/vocab.json'))).toBe(true);
    const needles = texts.filter((t) => t.length >= 12).map((t) => t.slice(0, 40));
    for (const r of requests) {
      const seen = `${decodeURIComponent(r.url)} ${r.body}`;
      for (const n of needles) expect(seen.includes(n) || seen.includes(JSON.stringify(n).slice(1, -1)), `${r.url} carries a text`).toBe(false);
    }
  });

  it('runs the opt-in quality model as its cascade: the gate fetched from beside it, the server\'s answers', async () => {
    const sample = texts.slice(150, 200);
    const { classify: expected } = await live.server.graphql<{ classify: Prediction[] }>(
      'query C($t: [String!]!) { classify(texts: $t, model: "quality") { label probabilities { positive neutral negative } modelId } }',
      { t: sample },
    );
    const before = requests.length;
    const got = (await page.evaluate(async (t) => {
      const { __classify: classify } = window as unknown as { __classify(texts: string[], o: object): Promise<unknown[]> };
      return classify(t, { model: 'quality' });
    }, sample)) as Prediction[];
    got.forEach((p, i) => {
      expect(p.label, sample[i]).toBe(expected[i]!.label);
      for (const k of ['positive', 'neutral', 'negative'] as const) expect(Math.abs(p.probabilities[k] - expected[i]!.probabilities[k])).toBeLessThan(1e-4);
      expect(p.modelId).toBe('quality');
    });
    const fetched = requests.slice(before).map((r) => new URL(r.url).pathname);
    expect(fetched).toEqual(expect.arrayContaining(['/models/quality/model.onnx', '/models/ensemble/model.onnx', '/models/ensemble/vocab.json']));
  }, 120_000);

  it('labels host-supplied items in the feed without sending them', async () => {
    const before = requests.length;
    const items = texts.slice(190, 194).map((text, i) => ({ id: `h${i}`, channel: 'note', occurredAt: `2026-01-0${i + 1}T10:00:00Z`, text }));
    await page.evaluate(async (data) => {
      await customElements.whenDefined('rapport-sentiment-feed');
      document.querySelector('rapport-sentiment-feed')!.data = { items: data as never };
    }, items);
    await expect.poll(() => page.locator('rapport-sentiment-feed .badge:not(.none)').count(), { timeout: 30_000 }).toBe(4);
    const labels = await page.locator('rapport-sentiment-feed .row').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-id'), r.querySelector('.badge')!.classList[1]]));
    const { classify: expected } = await live.server.graphql<{ classify: Prediction[] }>('query C($t: [String!]!) { classify(texts: $t) { label } }', { t: items.map((i) => i.text) });
    for (const [id, label] of labels) expect(label).toBe(expected[Number(id!.slice(1))]!.label);
    await page.locator('rapport-sentiment-feed .row[data-id="h1"] .why').click();
    await page.locator('rapport-sentiment-feed .row[data-id="h1"] .explain mark').first().waitFor({ timeout: 30_000 });
    for (const r of requests.slice(before)) for (const it of items) expect(`${r.url} ${r.body}`.includes(it.text.slice(0, 30))).toBe(false);
  });
});
