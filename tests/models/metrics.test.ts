import { describe, expect, it } from 'vitest';
import { confusionSvg } from '../../models/eval/confusion-svg.js';
import { computeMetrics } from '../../models/eval/metrics.js';
import { qualitySpeedSvg } from '../../models/eval/quality-speed-svg.js';

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

describe('quality / speed chart', () => {
  const point = (name: string, macroF1: number, speed: number, isDefault = false) =>
    ({ name, macroF1, interval: [macroF1 - 0.015, macroF1 + 0.015] as [number, number], speed, isDefault });

  it('draws one marker and one interval bar per model, the default filled, names escaped', () => {
    const svg = qualitySpeedSvg([point('linear', 0.797, 20_000), point('<b>&', 0.76, 30_000), point('ensemble', 0.798, 10_000, true)],
      { macroF1: 0.8, speed: 5000 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg.match(/<circle [^>]*fill="#1f5fa8"/g)).toHaveLength(1);
    expect(svg).toContain('&lt;b>&amp;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('aim 0.80');
  });

  it('places faster models further right and better ones higher', () => {
    const svg = qualitySpeedSvg([point('slow', 0.75, 1000), point('fast', 0.80, 50_000)], { macroF1: 0.8, speed: 5000 });
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(circles[1]![0]).toBeGreaterThan(circles[0]![0]!);
    expect(circles[1]![1]).toBeLessThan(circles[0]![1]!); // SVG y grows downwards
  });
});
