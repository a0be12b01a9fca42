import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { select, type Example } from '../data/index.js';
import { meanNll, probabilityRow, type Row } from '../eval/calibration.js';
import { loadNodeModel, modelDir } from '../inference/node.js';
import { applyTemperature } from '../inference/temperature.js';
import type { Label } from '../tokenizer/index.js';

const [LO, HI] = [Math.log(0.25), Math.log(4)];
const PHI = (Math.sqrt(5) - 1) / 2;

/** The rows' probabilities at temperature `t`. */
function scaled(probs: readonly Row[], t: number): Row[] {
  const flat = applyTemperature(Float32Array.from(probs.flat()), t);
  return probs.map((_, i) => [flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!] as const);
}

/**
 * The temperature that minimises the mean negative log-likelihood of `gold` (Guo et al. 2017): golden-section search
 * over log T in [1/4, 4], where the likelihood is unimodal; rounded to 3 decimals, as `vocab.json` stores it.
 */
export function fitTemperature(gold: readonly Label[], probs: readonly Row[]): number {
  const loss = (logT: number) => meanNll(gold, scaled(probs, Math.exp(logT)));
  let [a, b] = [LO, HI];
  while (b - a > 1e-4) {
    const [c, d] = [b - PHI * (b - a), a + PHI * (b - a)];
    if (loss(c) <= loss(d)) b = d;
    else a = c;
  }
  return Math.round(Math.exp((a + b) / 2) * 1000) / 1000;
}

/**
 * Fits a committed model's temperature on the validation parts (airline and PhraseBank together) from its graph's own
 * probabilities — a cascade's graph alone, since its gate has a temperature of its own — and writes it into the model's
 * `vocab.json`. Returns it with the validation NLL before and after.
 */
export async function calibrateModel(name: string, validation: readonly Example[]): Promise<{ temperature: number; before: number; after: number }> {
  const model = await loadNodeModel(modelDir(name), { calibrated: false, cascade: false });
  try {
    const gold = validation.map((e) => e.label);
    const probs = (await model.classify(validation.map((e) => e.text))).map(probabilityRow);
    const temperature = fitTemperature(gold, probs);
    const after = meanNll(gold, scaled(probs, temperature));
    const file = path.join(modelDir(name), 'vocab.json');
    const vocab = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...vocab, temperature }) + '\n');
    return { temperature, before: meanNll(gold, probs), after };
  } finally {
    await model.dispose();
  }
}

/** Fits and writes the temperatures of the named models, in the order given, logging each. */
export async function calibrateAll(corpus: readonly Example[], names: readonly string[]): Promise<void> {
  const validation = [...select(corpus, 'airline', 'validation'), ...select(corpus, 'phrasebank', 'validation')];
  for (const name of names) {
    const { temperature, before, after } = await calibrateModel(name, validation);
    console.log(`rapport/models: ${name} temperature ${temperature} (validation log-loss ${before.toFixed(4)} → ${after.toFixed(4)})`);
  }
}
