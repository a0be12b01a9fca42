import { describe, expect, it } from 'vitest';
import { bootstrapDifference, bootstrapInterval } from '../../models/eval/bootstrap.js';
import { range, signedRange } from '../../models/eval/format.js';
import { computeMetrics } from '../../models/eval/metrics.js';
import { LABELS, type Label } from '../../models/tokenizer/index.js';

/** n texts, gold labels cycling through the classes; every fifth prediction is wrong (80 % accuracy). */
function sample(n: number): [Label[], Label[]] {
  const gold = Array.from({ length: n }, (_, i) => LABELS[i % 3]!);
  const predicted = gold.map((g, i) => (i % 5 === 0 ? LABELS[(LABELS.indexOf(g) + 1) % 3]! : g));
  return [gold, predicted];
}

describe('bootstrap intervals', () => {
  it('bracket the point estimates with the width sampling theory expects', () => {
    const [gold, predicted] = sample(1000);
    const point = computeMetrics(gold, predicted);
    const { accuracy, macroF1 } = bootstrapInterval(gold, predicted);
    expect(accuracy[0]).toBeLessThan(point.accuracy);
    expect(accuracy[1]).toBeGreaterThan(point.accuracy);
    expect(macroF1[0]).toBeLessThan(point.macroF1);
    expect(macroF1[1]).toBeGreaterThan(point.macroF1);
    // Binomial: 2 × 1.96 × sqrt(0.8 × 0.2 / 1000) ≈ 0.050.
    expect(accuracy[1] - accuracy[0]).toBeGreaterThan(0.04);
    expect(accuracy[1] - accuracy[0]).toBeLessThan(0.06);
  });

  it('narrow as the sample grows, and collapse when every prediction is right', () => {
    const width = (n: number) => {
      const { accuracy } = bootstrapInterval(...sample(n));
      return accuracy[1] - accuracy[0];
    };
    expect(width(4000) / width(1000)).toBeGreaterThan(0.35);
    expect(width(4000) / width(1000)).toBeLessThan(0.65);
    const gold = sample(300)[0];
    expect(bootstrapInterval(gold, gold)).toEqual({ accuracy: [1, 1], macroF1: [1, 1], rounds: 1000 });
  });

  it('are reproducible from their seed and reject mismatched inputs', () => {
    const [gold, predicted] = sample(500);
    expect(bootstrapInterval(gold, predicted)).toEqual(bootstrapInterval(gold, predicted));
    expect(bootstrapInterval(gold, predicted, 1000, 'other')).not.toEqual(bootstrapInterval(gold, predicted));
    expect(() => bootstrapInterval(gold, predicted.slice(1))).toThrow(/differ in count/);
    expect(() => bootstrapInterval(gold, predicted, 0)).toThrow(/positive integer/);
  });
});

describe('paired bootstrap difference', () => {
  it('is zero for a model against itself and positive for a clearly better one', () => {
    const [gold, worse] = sample(1500);
    expect(bootstrapDifference(gold, worse, worse)).toEqual({ accuracy: [0, 0], macroF1: [0, 0], rounds: 1000 });
    // `better` fixes half of `worse`'s mistakes: +0.1 accuracy, and every resample agrees it is better.
    const better = worse.map((p, i) => (i % 10 === 0 ? gold[i]! : p));
    const { accuracy, macroF1 } = bootstrapDifference(gold, better, worse);
    expect(accuracy[0]).toBeGreaterThan(0.07);
    expect(accuracy[1]).toBeLessThan(0.13);
    expect(macroF1[0]).toBeGreaterThan(0);
    const reverse = bootstrapDifference(gold, worse, better);
    expect(reverse.accuracy[1]).toBeLessThan(0);
  });

  it('is sharper than the two separate intervals when the models agree on most texts', () => {
    const [gold, a] = sample(2000);
    const b = a.map((p, i) => (i % 50 === 1 ? LABELS[(LABELS.indexOf(p) + 1) % 3]! : p)); // 2 % of texts differ
    const diff = bootstrapDifference(gold, a, b);
    const single = bootstrapInterval(gold, a);
    expect(diff.accuracy[1] - diff.accuracy[0]).toBeLessThan((single.accuracy[1] - single.accuracy[0]) / 2);
  });

  it('are written as ranges, differences with their signs', () => {
    expect(range([0.8281, 0.85649])).toBe('0.828–0.856');
    expect(range(undefined)).toBe('—');
    expect(signedRange([-0.0004, 0.0213])).toBe('−0.000 … +0.021');
    expect(signedRange([0.011, 0.038])).toBe('+0.011 … +0.038');
  });
});
