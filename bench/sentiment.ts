/**
 * Sentiment side by side, measured in one run (`npx tsx bench/sentiment.ts [--quick] [--no-peer] [--no-browser]`):
 * texts/s of every shipped model on onnxruntime-node and onnxruntime-web (WASM, in Node) at batch 1 and 64 — wall
 * clock and per CPU-second, since the machine is shared — beside VADER and AFINN (a cascade, `quality`, also without its
 * gate, to show what the cascade saves); accuracy / macro-F1 on the airline
 * test buckets beside the scikit-learn TF-IDF + logistic regression peer (spawned with Debian's /usr/bin/python3), and
 * the calibration of the default's probabilities beside the peer's; and
 * the web backend in Chromium (playwright-core), wall clock and the renderer's CPU time per text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afinnLabel, vaderLabel } from '../models/baselines/index.js';
import { loadCorpus, repoRoot, select } from '../models/data/index.js';
import { bootstrapDifference } from '../models/eval/bootstrap.js';
import { computeCalibration, probabilityRow, type Row } from '../models/eval/calibration.js';
import { computeMetrics } from '../models/eval/metrics.js';
import { measureSpeed } from '../models/eval/evaluate.js';
import { signedRange } from '../models/eval/format.js';
import type { Label } from '../models/tokenizer/index.js';
import {
  defaultModelName, loadNodeModel, loadWebModel, MODEL_NAMES, modelDir, readModelDir, type ModelConfig, type Prediction,
} from '../models/inference/node.js';

const quick = process.argv.includes('--quick');
const corpus = loadCorpus();
const test = select(corpus, 'airline', 'test');
const texts = test.map((e) => e.text);
const gold = test.map((e) => e.label);
const n1 = quick ? 200 : 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);

/** A lexicon labels one text at a time: wall-clock texts/s and texts per CPU-second of one pass. */
function lexiconSpeed(label: (t: string) => string): { wall: number; cpu: number } {
  const [t0, cpu0] = [performance.now(), process.cpuUsage()];
  for (const t of texts) label(t);
  const { user, system } = process.cpuUsage(cpu0);
  return { wall: texts.length / ((performance.now() - t0) / 1000), cpu: texts.length / ((user + system) / 1e6) };
}

const peer = process.argv.includes('--no-peer') ? null : (() => {
  const pairs = (xs: typeof test) => xs.map((e) => [e.text, e.label]);
  const input = JSON.stringify({ train: pairs(select(corpus, 'airline', 'train')), test: { 'airline-test': pairs(test) } });
  const r = spawnSync('/usr/bin/python3', [path.join(repoRoot, 'models/baselines/tfidf_lr.py')], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rapport/models: TF-IDF + LR peer failed: ${r.stderr}`);
  return JSON.parse(r.stdout)['airline-test'] as { accuracy: number; macroF1: number; predictions: Label[]; probabilities: Row[] };
})();

const def = defaultModelName();
console.log(`Sentiment on the airline test buckets (${texts.length} tweets); texts/s include tokenisation; one thread; lexicons run per text (no batches).\n`);
console.log('Each speed: wall-clock texts/s (best of 3 passes) / texts per CPU-second of this process, all its threads (less sensitive to the load).\n');
console.log('model                  |  acc  | macroF1 |  ONNX MB |     node b1       |     node b64      |      web b1       |     web b64');
const speeds: Record<string, { wall: number; cpu: number }> = {};
/** The default's predictions on the test tweets as served, kept for the comparisons with the peer. */
let defaultPredictions: Prediction[] = [];
const num = (x: number) => Math.round(x).toLocaleString('en-US').padStart(7);
const pair = (s: { wall: number; cpu: number }) => ` ${num(s.wall)} / ${num(s.cpu)}`;
/** One row: a model's test figures and its speeds on both backends; `options` as the loaders take them. */
async function modelRow(name: string, title: string, options: { cascade?: boolean }): Promise<void> {
  const dir = modelDir(name);
  const node = await loadNodeModel(dir, options);
  const web = await loadWebModel(await readModelDir(dir), options);
  const served = await node.classify(texts);
  const predictions = served.map((p) => p.label);
  if (title === name && name === def) defaultPredictions = served;
  const m = computeMetrics(gold, predictions);
  const row = [
    await measureSpeed(node, texts.slice(0, n1), 1), await measureSpeed(node, texts, 64),
    await measureSpeed(web, texts.slice(0, n1), 1), await measureSpeed(web, texts, 64),
  ];
  speeds[title] = row[1]!;
  const mb = (statSync(path.join(dir, 'model.onnx')).size / 1e6).toFixed(2);
  console.log(`${(title + (title === def ? ' (default)' : '')).padEnd(22)} | ${m.accuracy.toFixed(3)} |  ${m.macroF1.toFixed(3)}  | ${mb.padStart(8)} |${row.map(pair).join(' |')}`);
  await node.dispose();
  await web.dispose();
}
const cascades: string[] = [];
for (const name of MODEL_NAMES) {
  if (!existsSync(path.join(modelDir(name), 'model.onnx'))) continue;
  await modelRow(name, name, {});
  if ((JSON.parse(readFileSync(path.join(modelDir(name), 'vocab.json'), 'utf8')) as ModelConfig).cascade) {
    cascades.push(name);
    // The same graph with every text through it: what the cascade saves.
    await modelRow(name, `${name}, no cascade`, { cascade: false });
  }
}
for (const [name, label] of [['VADER', vaderLabel], ['AFINN', afinnLabel]] as const) {
  const m = computeMetrics(gold, texts.map(label));
  const s = lexiconSpeed(label);
  speeds[name] = s;
  console.log(`${name.padEnd(22)} | ${m.accuracy.toFixed(3)} |  ${m.macroF1.toFixed(3)}  |        — |${pair(s)} |${pair(s)} |                 — |                 —`);
}
if (peer) console.log(`${'TF-IDF + LR (sklearn)'.padEnd(22)} | ${peer.accuracy.toFixed(3)} |  ${peer.macroF1.toFixed(3)}  |        — |                 — |                 — |                 — |                 —`);
if (peer && defaultPredictions.length) {
  // Paired: both scored on the same 1,000 resamples of the test tweets, so the interval is that of the difference.
  const diff = bootstrapDifference(gold, defaultPredictions.map((p) => p.label), peer.predictions);
  console.log(`\nDefault − TF-IDF + LR, 95 % paired bootstrap interval: accuracy ${signedRange(diff.accuracy)}, ` +
    `macro-F1 ${signedRange(diff.macroF1)}${diff.accuracy[0] > 0 && diff.macroF1[0] > 0 ? ' (better on both)' : ''}.`);
  await calibrationBesidePeer(defaultPredictions, peer.probabilities);
}
const d = speeds[def]!;
const met = (x: number) => (x >= 5000 ? 'met' : 'NOT met');
console.log(`\nDefault \`${def}\` at batch 64 on the server: ${Math.round(d.wall)} texts/s wall (${met(d.wall)}), ` +
  `${Math.round(d.cpu)} per CPU-second (${met(d.cpu)}; target ≥ 5,000); ${(d.wall / speeds.VADER!.wall).toFixed(2)}× VADER's ` +
  `wall-clock speed in this run. Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}.`);
for (const name of cascades) {
  const [c, all] = [speeds[name]!, speeds[`${name}, no cascade`]!];
  console.log(`\`${name}\` as a cascade at batch 64: ${(c.cpu / all.cpu).toFixed(2)}× the texts per CPU-second of its whole graph on every text.`);
}

/** ECE and log-loss on the airline test: the default as served and at temperature 1, and the peer's probabilities. */
async function calibrationBesidePeer(served: readonly Prediction[], peerProbs: readonly Row[]): Promise<void> {
  const raw = await loadNodeModel(modelDir(def), { calibrated: false });
  const uncalibrated = (await raw.classify(texts)).map(probabilityRow);
  await raw.dispose();
  const figures = (probs: readonly Row[]) => {
    const c = computeCalibration(gold, probs);
    return `ECE ${c.ece.toFixed(3)}, log-loss ${c.nll.toFixed(3)}`;
  };
  console.log(`Calibration on the airline test: default as served ${figures(served.map(probabilityRow))}; at temperature 1 ` +
    `${figures(uncalibrated)}; TF-IDF + LR ${figures(peerProbs)}.`);
}

/** CPU seconds (user + system) that processes have used, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** Chromium renderer processes below a process (this one launches the browser); the page's WASM runs there. */
function rendererPids(ancestor: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      parent.set(Number(d), Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch { /* gone meanwhile */ }
  }
  const below = (pid: number): boolean => pid === ancestor || (parent.has(pid) && pid > 1 && below(parent.get(pid)!));
  const isRenderer = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  };
  return [...parent.keys()].filter((pid) => pid !== ancestor && below(pid) && isRenderer(pid));
}

/**
 * The web backend in Chromium: the inference bundle (built with Vite) and onnxruntime-web served from memory, the models
 * from their folders (`/<name>/model.onnx`), so a cascade finds its gate beside it as in a widget's page.
 */
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
        : await readFile(path.join(modelDir(path.basename(path.dirname(url))), path.basename(url))); // /<model>/<file>
      await route.fulfill({ body, contentType: type });
    });
    await page.goto('http://bench.local/index.html');
    // Plain source text: functions passed to page.evaluate would carry tsx's `__name` helper into the page.
    await page.evaluate(`(async () => {
      const { loadWebModel } = await import('/lib.js');
      const texts = ${JSON.stringify(sample)};
      const model = await loadWebModel({ id: '${name}', model: '/${name}/model.onnx', vocab: '/${name}/vocab.json' }, { wasmPaths: '/ort/' });
      window.timeBatches = async (batch, n) => {
        const t0 = performance.now();
        for (let i = 0; i < n; i += batch) await model.classify(texts.slice(i, Math.min(n, i + batch)));
        return (performance.now() - t0) / n;
      };
    })()`);
    const renderers = rendererPids(process.pid);
    const time = async (batch: number, n: number) => {
      const cpu0 = cpuSeconds(renderers);
      const wall = (await page.evaluate(`window.timeBatches(${batch}, ${n})`)) as number;
      return { wall, cpu: ((cpuSeconds(renderers) - cpu0) * 1000) / n };
    };
    // A page's first calls run while V8 is still compiling the tokenizer and tiering up onnxruntime-web's WASM, which
    // takes a thousand calls or so: the first 200 single-text calls are timed as they come ("cold"), then the texts
    // are classified twice more one at a time and once at 64, untimed, before the steady figures.
    const cold = await time(1, Math.min(200, sample.length));
    for (const [batch, n] of [[64, sample.length], [1, sample.length], [1, sample.length]] as const) await time(batch, n);
    const b1 = await time(1, sample.length);
    const b64 = await time(64, sample.length);
    const ms = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(3)} ms/text wall, ${x.cpu.toFixed(3)} ms renderer CPU`;
    console.log(`Chromium (${name}, onnxruntime-web WASM, 1 thread): warm batch 1 ${ms(b1)}; warm batch 64 ${ms(b64)} ` +
      `(${fmt(1000 / b64.wall).trim()} texts/s wall); cold, the first 200 calls of one text after loading: ${ms(cold)}; ` +
      'target ≤ 1 ms/text. Renderer CPU counts all its threads (V8\'s compiler and GC run beside the page), so it can ' +
      'exceed wall time.');
  } finally {
    await browser.close();
  }
}
if (!process.argv.includes('--no-browser')) {
  // The default, `fast` (the model meant for the browser when the default is too slow there) and the opt-in `quality`.
  const shipped = ['fast', 'quality'].filter((name) => existsSync(path.join(modelDir(name), 'model.onnx')));
  for (const name of new Set([def, ...shipped])) await browserBench(name, texts.slice(0, quick ? 256 : 1024));
}
