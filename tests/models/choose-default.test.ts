import { describe, expect, it } from 'vitest';
import { chooseDefault } from '../../models/eval/choose-default.js';
import type { ModelMetrics } from '../../models/eval/model-metrics.js';

const result = (model: string, selectionScore: number, onnxBytes: number, texts = 9_000): ModelMetrics => ({
  model, isDefault: false, onnxBytes, vocabBytes: 1, selectionScore,
  speed: { nodeBatch1: 1, nodeBatch64: texts, nodeBatch1Cpu: 1, nodeBatch64Cpu: texts },
  sets: {} as ModelMetrics['sets'], temperature: 1, uncalibrated: {} as ModelMetrics['uncalibrated'],
});

describe('chooseDefault', () => {
  it('ranks by validation score only the models within 5 MB, and names the ones over it', () => {
    const { name, reason } = chooseDefault([result('small', 1.1, 2e6), result('best-small', 1.15, 3e6), result('big', 1.18, 17.8e6, 270)]);
    expect(name).toBe('best-small');
    expect(reason).toContain('others: `small` 1.100');
    expect(reason).toContain('over the budget, so not ranked: `big` 1.180 (17.80 MB)');
  });

  it('ranks every model when none fits, and says so', () => {
    const { name, reason } = chooseDefault([result('a', 1.0, 6e6), result('b', 1.2, 7e6, 100)]);
    expect(name).toBe('b');
    expect(reason).toContain('none was, so all were ranked');
    expect(reason).toContain('misses the 5,000 texts/s target');
  });

  it('refuses to choose from nothing', () => {
    expect(() => chooseDefault([])).toThrow(/no trained model/);
  });
});
