import type { Example } from '../data/index.js';
import type { Label } from '../tokenizer/index.js';
import type { Prediction, SentimentModel } from '../inference/index.js';
import { bootstrapInterval } from './bootstrap.js';
import { computeCalibration, probabilityRow, type Calibration } from './calibration.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { SET_KEYS, type SetKey } from './sets.js';

/** Classifies every evaluation set with a model, and hands each set's gold labels and predictions to `score`. */
async function perSet<T>(
  model: SentimentModel, sets: Record<SetKey, Example[]>, score: (gold: Label[], predictions: Prediction[]) => T,
): Promise<Record<SetKey, T>> {
  const out = {} as Record<SetKey, T>;
  for (const key of SET_KEYS) out[key] = score(sets[key].map((e) => e.label), await model.classify(sets[key].map((e) => e.text)));
  return out;
}

/** Classifies every evaluation set with a model and scores it, with 95 % bootstrap intervals and calibration. */
export function evaluateModel(model: SentimentModel, sets: Record<SetKey, Example[]>): Promise<Record<SetKey, Metrics>> {
  return perSet(model, sets, (gold, predictions) => {
    const predicted = predictions.map((p) => p.label);
    return {
      ...computeMetrics(gold, predicted), interval: bootstrapInterval(gold, predicted),
      calibration: computeCalibration(gold, predictions.map(probabilityRow)),
    };
  });
}

/** Calibration of a model's probabilities on every evaluation set (for a model loaded without its temperature). */
export function evaluateCalibration(model: SentimentModel, sets: Record<SetKey, Example[]>): Promise<Record<SetKey, Calibration>> {
  return perSet(model, sets, (gold, predictions) => computeCalibration(gold, predictions.map(probabilityRow)));
}

/** Throughput of one model: wall-clock texts/s (best pass) and texts per CPU-second of this process (all passes). */
export interface Speed {
  wall: number;
  cpu: number;
}

/**
 * Texts per second on the given texts at a batch size: one warm-up pass, then `rounds` timed passes. The machine is
 * shared, so wall time is the best pass (the one least disturbed by other work) and CPU time — what the process
 * itself spent, onnxruntime's thread included — is the figure that does not depend on the load.
 */
export function measureSpeed(model: SentimentModel, texts: readonly string[], batch: number, rounds = 3): Promise<Speed> {
  return measureThroughput((b) => model.classify(b), texts, batch, rounds);
}

/** measureSpeed for anything that processes a batch of texts (an embedding model, a lexicon, …). */
export async function measureThroughput(
  run: (texts: string[]) => Promise<unknown>, texts: readonly string[], batch: number, rounds = 3,
): Promise<Speed> {
  // One untimed pass first: a server runs warm, so V8's compile time for the tokenizer is not the model's speed.
  for (let i = 0; i < texts.length; i += batch) await run(texts.slice(i, i + batch));
  let best = 0;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < texts.length; i += batch) await run(texts.slice(i, i + batch));
    best = Math.max(best, texts.length / ((performance.now() - t0) / 1000));
  }
  const { user, system } = process.cpuUsage(cpu0);
  return { wall: Math.round(best), cpu: Math.round((rounds * texts.length) / ((user + system) / 1e6)) };
}
