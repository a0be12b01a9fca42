/**
 * Sentiment side by side, measured in one run (`npx tsx bench/sentiment.ts [--quick] [--no-peer] [--no-browser]`):
 * texts/s of every shipped model on onnxruntime-node and onnxruntime-web (WASM, in Node) at batch 1 and 64, beside
 * VADER and AFINN; accuracy / macro-F1 on the airline test buckets beside the scikit-learn TF-IDF + logistic
 * regression peer (spawned with Debian's /usr/bin/python3); and the web backend in Chromium (playwright-core).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afinnLabel, vaderLabel } from '../models/baselines/index.js';
import { loadCorpus, repoRoot, select } from '../models/data/index.js';
import { computeMetrics } from '../models/eval/metrics.js';
import { measureSpeed } from '../models/eval/evaluate.js';
import {
  defaultModelName, loadNodeModel, loadWebModel, MODEL_NAMES, modelDir, readModelDir,
} from '../models/inference/node.js';

const quick = process.argv.includes('--quick');
const corpus = loadCorpus();
const test = select(corpus, 'airline', 'test');
const texts = test.map((e) => e.text);
const gold = test.map((e) => e.label);
const n1 = quick ? 200 : 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);

function lexiconSpeed(label: (t: string) => string): number {
  const t0 = performance.now();
  for (const t of texts) label(t);
  return texts.length / ((performance.now() - t0) / 1000);
}

const peer = process.argv.includes('--no-peer') ? null : (() => {
  const pairs = (xs: typeof test) => xs.map((e) => [e.text, e.label]);
  const input = JSON.stringify({ train: pairs(select(corpus, 'airline', 'train')), test: { 'airline-test': pairs(test) } });
  const r = spawnSync('/usr/bin/python3', [path.join(repoRoot, 'models/baselines/tfidf_lr.py')], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rapport/models: TF-IDF + LR peer failed: ${r.stderr}`);
  return JSON.parse(r.stdout)['airline-test'] as { accuracy: number; macroF1: number };
})();

const def = defaultModelName();
console.log(`Sentiment on the airline test buckets (${texts.length} tweets); texts/s include tokenisation; one thread; lexicons run per text (no batches).\n`);
console.log('model                  |  acc  | macroF1 |  ONNX MB | node b1 | node b64 |  web b1 |  web b64');
const speeds: Record<string, number> = {};
for (const name of MODEL_NAMES) {
  const dir = modelDir(name);
  if (!existsSync(path.join(dir, 'model.onnx'))) continue;
  const node = await loadNodeModel(dir);
  const web = await loadWebModel(await readModelDir(dir));
  const m = computeMetrics(gold, (await node.classify(texts)).map((p) => p.label));
  const row = [
    await measureSpeed(node, texts.slice(0, n1), 1), await measureSpeed(node, texts, 64),
    await measureSpeed(web, texts.slice(0, n1), 1), await measureSpeed(web, texts, 64),
  ];
  speeds[name] = row[1]!;
  const mb = (statSync(path.join(dir, 'model.onnx')).size / 1e6).toFixed(2);
  console.log(`${(name + (name === def ? ' (default)' : '')).padEnd(22)} | ${m.accuracy.toFixed(3)} |  ${m.macroF1.toFixed(3)}  | ${mb.padStart(8)} |${row.map(fmt).join(' |')}`);
  await node.dispose();
  await web.dispose();
}
for (const [name, label] of [['VADER', vaderLabel], ['AFINN', afinnLabel]] as const) {
  const m = computeMetrics(gold, texts.map(label));
  const s = lexiconSpeed(label);
  speeds[name] = s;
  console.log(`${name.padEnd(22)} | ${m.accuracy.toFixed(3)} |  ${m.macroF1.toFixed(3)}  |        — |${fmt(s)} |${fmt(s)} |       — |        —`);
}
if (peer) console.log(`${'TF-IDF + LR (sklearn)'.padEnd(22)} | ${peer.accuracy.toFixed(3)} |  ${peer.macroF1.toFixed(3)}  |        — |       — |        — |       — |        —`);
console.log(`\nDefault \`${def}\` at batch 64 on the server: ${(speeds[def]! / speeds.VADER!).toFixed(2)}× VADER's speed (target ≥ 5,000 texts/s: ${speeds[def]! >= 5000 ? 'met' : 'NOT met'}).`);

/** The web backend in Chromium: the inference bundle (built with Vite) and onnxruntime-web served from memory. */
async function browserBench(name: string, sample: readonly string[]): Promise<void> {
  const { build } = await import('vite');
  const { chromium } = await import('playwright-core');
  const { readFile } = await import('node:fs/promises');
  const built = await build({
    configFile: false, root: repoRoot, logLevel: 'error',
    build: { write: false, minify: false, lib: { entry: 'models/inference/index.ts', formats: ['es'], fileName: 'lib' },
      rollupOptions: { external: ['onnxruntime-web/wasm'] } },
  });
  const lib = (Array.isArray(built) ? built[0]! : built as { output: { code?: string }[] }).output[0]!.code!;
  const ortDir = path.join(repoRoot, 'node_modules/onnxruntime-web/dist');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.route('http://bench.local/**', async (route) => {
      const url = new URL(route.request().url()).pathname;
      const type = url.endsWith('.wasm') ? 'application/wasm' : url.endsWith('.json') ? 'application/json'
        : url.endsWith('.onnx') ? 'application/octet-stream' : url.endsWith('.html') ? 'text/html' : 'text/javascript';
      const body = url === '/lib.js' ? lib
        : url === '/index.html' ? '<script type="importmap">{"imports":{"onnxruntime-web/wasm":"/ort/ort.wasm.min.mjs"}}</script>'
        : url.startsWith('/ort/') ? await readFile(path.join(ortDir, path.basename(url)))
        : await readFile(path.join(modelDir(name), path.basename(url)));
      await route.fulfill({ body, contentType: type });
    });
    await page.goto('http://bench.local/index.html');
    // Plain source text: functions passed to page.evaluate would carry tsx's `__name` helper into the page.
    const result = (await page.evaluate(`(async () => {
      const { loadWebModel } = await import('/lib.js');
      const texts = ${JSON.stringify(sample)};
      const model = await loadWebModel({ id: '${name}', model: '/model.onnx', vocab: '/vocab.json' }, { wasmPaths: '/ort/' });
      async function time(batch, n) {
        await model.classify(texts.slice(0, batch));
        const t0 = performance.now();
        for (let i = 0; i < n; i += batch) await model.classify(texts.slice(i, Math.min(n, i + batch)));
        return (performance.now() - t0) / n;
      }
      return { b1: await time(1, Math.min(200, texts.length)), b64: await time(64, texts.length) };
    })()`)) as { b1: number; b64: number };
    console.log(`Chromium (${name}, onnxruntime-web WASM, 1 thread): ${result.b1.toFixed(3)} ms/text at batch 1, ` +
      `${result.b64.toFixed(3)} ms/text at batch 64 (${fmt(1000 / result.b64).trim()} texts/s); target ≤ 1 ms/text.`);
  } finally {
    await browser.close();
  }
}
if (!process.argv.includes('--no-browser')) {
  // The default, and `fast`, the model meant for the browser when the default is too slow there.
  for (const name of new Set([def, 'fast'])) await browserBench(name, texts.slice(0, quick ? 256 : 1024));
}
