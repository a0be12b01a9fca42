import { describe, expect, it } from 'vitest';
import { confusionSvg } from '../../models/eval/confusion-svg.js';
import { computeMetrics } from '../../models/eval/metrics.js';

describe('metrics', () => {
  it('computes accuracy, per-class P/R/F1, macro-F1 and the confusion matrix', () => {
    const m = computeMetrics(['negative', 'negative', 'neutral', 'positive'], ['negative', 'neutral', 'neutral', 'negative']);
    expect(m.accuracy).toBe(0.5);
    expect(m.confusion).toEqual([[1, 1, 0], [0, 1, 0], [1, 0, 0]]);
    expect(m.perClass.negative).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(m.perClass.neutral).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, support: 1 });
    expect(m.perClass.positive.f1).toBe(0);
    expect(m.macroF1).toBeCloseTo((0.5 + 2 / 3) / 3, 4);
  });

  it('draws the confusion matrix as a standalone SVG', () => {
    const svg = confusionSvg([[5, 1, 0], [0, 2, 0], [1, 0, 3]], 'a & b');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('a &amp; b');
    expect(svg.match(/<rect /g)).toHaveLength(9);
  });
});
