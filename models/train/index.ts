/**
 * `npm run models:train [-- name…]`: tokenises the splits in TypeScript, trains each model with PyTorch
 * (`train.py`, one thread, fixed seed), exports ONNX + vocab.json, combines them (`ensemble.py`), then evaluates
 * everything and writes the cards.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus, repoRoot } from '../data/index.js';
import { runEvaluation } from '../eval/run.js';
import { buildVocab, LABELS, tokenize, type EncoderConfig } from '../tokenizer/index.js';
import { runPython } from './run-python.js';
import { ENSEMBLE_SPEC, MODEL_SPECS, SEED, type ModelSpec } from './specs.js';
import { writeIds } from './write-ids.js';

const only = process.argv.slice(2);
const corpus = loadCorpus();
const trainTokens = corpus.filter((e) => e.split === 'train' && e.source !== 'tweeteval').map((e) => tokenize(e.text));
const vocab = buildVocab(trainTokens, 2);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'rapport-train-'));
const state = (name: string) => path.join(tmp, `${name}.pt`);
const flags = (f: Record<string, string | number>) => Object.entries(f).flatMap(([k, v]) => [`--${k}`, String(v)]);

function prepare(spec: ModelSpec): { out: string; data: string; config: EncoderConfig } {
  const config: EncoderConfig = {
    format: 'rapport-vocab/1', labels: LABELS, maxLen: spec.maxLen, padding: spec.padding,
    minCount: spec.minCount, hashing: spec.hashing, tokens: vocab.tokens,
  };
  const out = path.join(repoRoot, 'models', spec.name);
  mkdirSync(out, { recursive: true });
  const data = path.join(tmp, `${spec.name}.jsonl`);
  writeIds(data, corpus, vocab, config);
  return { out, data, config };
}

try {
  const trained: string[] = [];
  for (const spec of MODEL_SPECS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const { out, data, config } = prepare(spec);
    console.log(`rapport/models: training ${spec.name} (vocabulary ${vocab.tokens.length})`);
    await runPython(path.join(repoRoot, 'models/train/train.py'), flags({
      data, arch: spec.arch, out, 'vocab-size': vocab.tokens.length, buckets: spec.hashing?.buckets ?? 0,
      'max-len': spec.maxLen, seed: SEED, state: state(spec.name), ...spec.args,
    }));
    writeFileSync(path.join(out, 'vocab.json'), JSON.stringify(config) + '\n');
    trained.push(spec.name);
  }
  if (MODEL_SPECS.every((s) => existsSync(state(s.name)))) {
    const { out, data, config } = prepare(ENSEMBLE_SPEC);
    console.log('rapport/models: combining the trained models into the ensemble');
    await runPython(path.join(repoRoot, 'models/train/ensemble.py'), [
      ...flags({ data, out, 'vocab-size': vocab.tokens.length, buckets: ENSEMBLE_SPEC.hashing!.buckets, 'max-len': ENSEMBLE_SPEC.maxLen }),
      ...MODEL_SPECS.flatMap((s) => ['--member', `${s.arch}=${state(s.name)}`]),
    ]);
    writeFileSync(path.join(out, 'vocab.json'), JSON.stringify(config) + '\n');
  } else if (trained.length) {
    console.log('rapport/models: ensemble not rebuilt (it needs all three models trained in this run)');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
await runEvaluation();
