/**
 * `npm run models:train [-- [--states DIR] [name…]]`: tokenises the splits in TypeScript, trains each model with
 * PyTorch (`train.py`, one thread, fixed seed) and exports ONNX + vocab.json, trains the extra ensemble members,
 * combines them (`ensemble.py`), then evaluates everything and writes the cards. With `--states DIR` the PyTorch
 * states are kept there (outside the repository), so separate runs can train members in parallel and the last one
 * builds the ensemble; names restrict a run to those models (`fast`, `cnn-bilstm@29`, …); `--ensemble-only`
 * combines already trained states. The opt-in `quality` model is built last from the committed `linear` and
 * `cnn-bilstm` files (`-- quality` builds it alone; it needs no states). Each model's temperature is fitted on
 * validation as soon as it is built (`temperature.ts`).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus, repoRoot } from '../data/index.js';
import { runEvaluation } from '../eval/run.js';
import { buildVocab, LABELS, tokenize, type EncoderConfig, type Vocab } from '../tokenizer/index.js';
import { buildLexicon } from './lexicon-source.js';
import { ensureGlove, extendVocab } from './pretrained.js';
import { runPython } from './run-python.js';
import { buildQuality } from './quality.js';
import { calibrateAll } from './temperature.js';
import { ENSEMBLE_MEMBERS, ENSEMBLE_SPEC, MODEL_SPECS, QUALITY_SPEC, SEED, type ModelSpec } from './specs.js';
import { writeIds } from './write-ids.js';

const argv = process.argv.slice(2);
const statesAt = argv.indexOf('--states');
const keep = statesAt >= 0 ? path.resolve(argv[statesAt + 1]!) : null;
const only = argv.filter((a, i) => !a.startsWith('--') && (statesAt < 0 || i !== statesAt + 1));
const ensembleOnly = argv.includes('--ensemble-only');
const corpus = loadCorpus();
const vocab = buildVocab(corpus.filter((e) => e.split === 'train' && e.source !== 'tweeteval').map((e) => tokenize(e.text)), 2);
const lexicon = buildLexicon();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'rapport-train-'));
const states = keep ?? tmp;
mkdirSync(states, { recursive: true });
const state = (name: string, seed: number) => path.join(states, `${name}@${seed}.pt`);
const flags = (f: Record<string, string | number>) => Object.entries(f).flatMap(([k, v]) => [`--${k}`, String(v)]);
const wanted = (name: string, seed: number) =>
  !ensembleOnly && (only.length === 0 || only.includes(`${name}@${seed}`) || (seed === SEED && only.includes(name)));

/** A spec's vocabulary: the training one, extended by GloVe words when the spec uses pretrained vectors. */
async function vocabOf(spec: ModelSpec): Promise<Vocab> {
  return spec.pretrained?.extraWords ? extendVocab(vocab, await ensureGlove(), spec.pretrained.extraWords) : vocab;
}

/** A spec's encoder settings, as its `vocab.json` stores them. */
function configOf(spec: ModelSpec, specVocab: Vocab): EncoderConfig {
  return {
    format: 'rapport-vocab/1', labels: LABELS, maxLen: spec.maxLen, padding: spec.padding,
    minCount: spec.minCount, hashing: spec.hashing, lexicon, tokens: specVocab.tokens,
  };
}

async function prepare(spec: ModelSpec, out: string): Promise<{ data: string; config: EncoderConfig; size: number }> {
  const specVocab = await vocabOf(spec);
  const config = configOf(spec, specVocab);
  mkdirSync(out, { recursive: true });
  const data = path.join(tmp, `${spec.name}.jsonl`);
  if (!existsSync(data)) writeIds(data, corpus, specVocab, config);
  return { data, config, size: specVocab.tokens.length };
}

/** `train.py`'s flags for pretrained vectors: where they are and the vocabulary whose tokens it looks up. */
async function pretrainedFlags(spec: ModelSpec, config: EncoderConfig): Promise<Record<string, string>> {
  if (!spec.pretrained) return {};
  const tokens = path.join(tmp, `${spec.name}.tokens.json`);
  writeFileSync(tokens, JSON.stringify(config.tokens));
  return { glove: await ensureGlove(), tokens };
}

try {
  // Every shipped model, then the ensemble's extra seeds.
  const runs = [...MODEL_SPECS.map((s) => ({ model: s.name, seed: SEED })), ...ENSEMBLE_MEMBERS.filter((m) => m.seed !== SEED)];
  for (const { model, seed } of runs.filter((m) => wanted(m.model, m.seed))) {
    const spec = MODEL_SPECS.find((s) => s.name === model)!;
    // Seed-13 members are the shipped models; other seeds are exported to a scratch folder only.
    const out = seed === SEED ? path.join(repoRoot, 'models', spec.name) : path.join(tmp, `${spec.name}@${seed}`);
    const { data, config, size } = await prepare(spec, out);
    console.log(`rapport/models: training ${spec.name}@${seed} (vocabulary ${size})`);
    if (spec.arch === 'linear') {
      await runPython(path.join(repoRoot, 'models/train/linear.py'), flags({
        data, out, buckets: spec.hashing!.buckets, state: state(spec.name, seed), ...spec.args,
      }));
    } else {
      await runPython(path.join(repoRoot, 'models/train/train.py'), flags({
        data, arch: spec.arch, out, 'vocab-size': size, buckets: spec.hashing?.buckets ?? 0,
        'max-len': spec.maxLen, seed, state: state(spec.name, seed), ...spec.args, ...(await pretrainedFlags(spec, config)),
      }));
    }
    if (seed === SEED) {
      writeFileSync(path.join(out, 'vocab.json'), JSON.stringify(config) + '\n');
      await calibrateAll(corpus, [spec.name]);
    }
  }
  const ensemble = ENSEMBLE_MEMBERS.every((m) => existsSync(state(m.model, m.seed)));
  if (ensemble) {
    const out = path.join(repoRoot, 'models', ENSEMBLE_SPEC.name);
    const { data, config, size } = await prepare(ENSEMBLE_SPEC, out);
    console.log('rapport/models: combining the trained members into the ensemble');
    await runPython(path.join(repoRoot, 'models/train/ensemble.py'), [
      ...flags({ data, out, 'vocab-size': size, buckets: ENSEMBLE_SPEC.hashing!.buckets, 'max-len': ENSEMBLE_SPEC.maxLen }),
      ...ENSEMBLE_MEMBERS.flatMap((m) => ['--member', `${m.model}@${m.seed}=${state(m.model, m.seed)}`]),
    ]);
    writeFileSync(path.join(out, 'vocab.json'), JSON.stringify(config) + '\n');
    await calibrateAll(corpus, [ENSEMBLE_SPEC.name]);
  }
  const quality = wanted(QUALITY_SPEC.name, SEED);
  if (quality) {
    // After the ensemble's temperature: the cascade's margin is chosen on its gate's probabilities as served.
    await buildQuality(corpus, configOf(QUALITY_SPEC, await vocabOf(QUALITY_SPEC)), tmp);
    await calibrateAll(corpus, [QUALITY_SPEC.name]);
  }
  if (ensemble || quality) await runEvaluation();
  else console.log('rapport/models: ensemble not rebuilt yet (some members are not trained); evaluation skipped');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
