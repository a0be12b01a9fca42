import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../models/data/index.js';
import { evaluateModel } from '../../models/eval/evaluate.js';
import type { ModelMetrics } from '../../models/eval/model-metrics.js';
import { evaluationSets, SET_KEYS } from '../../models/eval/sets.js';
import { QUALITY_AIM } from '../../models/eval/choose-default.js';
import { defaultModelName, loadNodeModel, modelDir } from '../../models/inference/node.js';
import { modelDataDir } from './data.js';

const TOLERANCE = 0.003;
const dataDir = modelDataDir();
const claimsOf = (name: string) => JSON.parse(readFileSync(path.join(modelDir(name), 'metrics.json'), 'utf8')) as ModelMetrics;

/** Classifies every evaluation set with the committed model and compares with its metrics.json (and so its card). */
async function reachesClaims(name: string, claimed: ModelMetrics): Promise<void> {
  const model = await loadNodeModel(modelDir(name));
  try {
    const measured = await evaluateModel(model, evaluationSets(loadCorpus(dataDir!)));
    for (const key of SET_KEYS) {
      expect(measured[key].n, key).toBe(claimed.sets[key].n);
      expect(measured[key].accuracy, key).toBeGreaterThanOrEqual(claimed.sets[key].accuracy - TOLERANCE);
      expect(measured[key].macroF1, key).toBeGreaterThanOrEqual(claimed.sets[key].macroF1 - TOLERANCE);
      // The card's 95 % bootstrap intervals are reproduced from the same predictions and bracket the figures.
      const [interval, claimedInterval] = [measured[key].interval!, claimed.sets[key].interval!];
      for (const metric of ['accuracy', 'macroF1'] as const) {
        expect(interval[metric][0], key).toBeCloseTo(claimedInterval[metric][0], 2);
        expect(interval[metric][1], key).toBeCloseTo(claimedInterval[metric][1], 2);
        expect(interval[metric][0], key).toBeLessThanOrEqual(measured[key][metric]);
        expect(interval[metric][1], key).toBeGreaterThanOrEqual(measured[key][metric]);
      }
      // The card's calibration figures, as served, are reproduced too.
      for (const figure of ['ece', 'nll', 'brier'] as const) {
        expect(measured[key].calibration![figure], `${key} ${figure}`).toBeCloseTo(claimed.sets[key].calibration![figure], 2);
      }
    }
  } finally {
    await model.dispose();
  }
}

describe.skipIf(!dataDir)('evaluation of the committed default model', () => {
  const name = defaultModelName();
  const claimed = claimsOf(name);

  it('is marked as the default in its metrics and card', () => {
    expect(claimed.isDefault).toBe(true);
    const card = readFileSync(path.join(modelDir(name), 'card.md'), 'utf8');
    expect(card).toContain('(default)');
    expect(card).toContain(claimed.sets['airline-test'].accuracy.toFixed(3));
  });

  it('reaches the accuracy and macro-F1 its card claims on every evaluation set', () => reachesClaims(name, claimed));

  it('keeps the ONNX file within 5 MB', () => {
    expect(claimed.onnxBytes).toBeLessThanOrEqual(5_000_000);
  });
});

describe.skipIf(!dataDir || !existsSync(path.join(modelDir('quality'), 'model.onnx')))('evaluation of the opt-in quality model', () => {
  it('claims the quality aim on the airline test, and is not the default', () => {
    const claimed = claimsOf('quality');
    expect(claimed.isDefault).toBe(false);
    expect(claimed.sets['airline-test'].accuracy).toBeGreaterThanOrEqual(QUALITY_AIM.accuracy);
    expect(claimed.sets['airline-test'].macroF1).toBeGreaterThanOrEqual(QUALITY_AIM.macroF1);
  });

  // About 18,000 texts at a few hundred a second: minutes, more on a loaded machine.
  it('reaches the accuracy and macro-F1 its card claims on every evaluation set', () => reachesClaims('quality', claimsOf('quality')), 900_000);
});
