/**
 * `npm run models:train [-- name…]`: tokenises the splits in TypeScript, trains each model with PyTorch
 * (`train.py`, one thread, fixed seed), exports ONNX + vocab.json, then evaluates everything and writes the cards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus, repoRoot } from '../data/index.js';
import { runEvaluation } from '../eval/run.js';
import { buildVocab, LABELS, tokenize, type EncoderConfig } from '../tokenizer/index.js';
import { MODEL_SPECS, SEED } from './specs.js';
import { writeIds } from './write-ids.js';
import { runPython } from './run-python.js';

const only = process.argv.slice(2);
const corpus = loadCorpus();
const trainTokens = corpus.filter((e) => e.split === 'train' && e.source !== 'tweeteval').map((e) => tokenize(e.text));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'rapport-train-'));
try {
  for (const spec of MODEL_SPECS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const vocab = buildVocab(trainTokens, spec.minCount);
    const config: EncoderConfig = {
      format: 'rapport-vocab/1', labels: LABELS, maxLen: spec.maxLen, padding: spec.padding,
      minCount: spec.minCount, hashing: spec.hashing, tokens: vocab.tokens,
    };
    const out = path.join(repoRoot, 'models', spec.name);
    mkdirSync(out, { recursive: true });
    const data = path.join(tmp, `${spec.name}.jsonl`);
    writeIds(data, corpus, vocab, config);
    console.log(`rapport/models: training ${spec.name} (vocabulary ${vocab.tokens.length})`);
    const flags = { data, arch: spec.arch, out, 'vocab-size': vocab.tokens.length,
      buckets: spec.hashing?.buckets ?? 0, 'max-len': spec.maxLen, seed: SEED, ...spec.args };
    await runPython(path.join(repoRoot, 'models/train/train.py'),
      Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)]));
    writeFileSync(path.join(out, 'vocab.json'), JSON.stringify(config) + '\n');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
await runEvaluation();
