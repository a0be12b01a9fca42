import type { Example } from '../data/index.js';
import type { SentimentModel } from '../inference/index.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { SET_KEYS, type SetKey } from './sets.js';

/** Classifies every evaluation set with a model and scores it. */
export async function evaluateModel(model: SentimentModel, sets: Record<SetKey, Example[]>): Promise<Record<SetKey, Metrics>> {
  const out = {} as Record<SetKey, Metrics>;
  for (const key of SET_KEYS) {
    const examples = sets[key];
    const predictions = await model.classify(examples.map((e) => e.text));
    out[key] = computeMetrics(examples.map((e) => e.label), predictions.map((p) => p.label));
  }
  return out;
}

/**
 * Texts per second on the given texts at a batch size: one warm-up pass, then the best of `rounds` timed passes (the
 * machine is shared, so the best pass is the one least disturbed by other work).
 */
export async function measureSpeed(model: SentimentModel, texts: readonly string[], batch: number, rounds = 3): Promise<number> {
  await model.classify(texts.slice(0, batch));
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    let n = 0;
    for (let i = 0; i < texts.length; i += batch) n += (await model.classify(texts.slice(i, i + batch))).length;
    best = Math.max(best, n / ((performance.now() - t0) / 1000));
  }
  return Math.round(best);
}
