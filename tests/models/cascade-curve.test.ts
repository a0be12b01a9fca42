import { describe, expect, it } from 'vitest';
import { cascadeCurve } from '../../models/eval/cascade-curve.js';
import { cascadeSvg } from '../../models/eval/cascade-svg.js';
import type { Prediction } from '../../models/inference/index.js';

const p = (negative: number, neutral: number, positive: number): Prediction => ({
  label: negative >= neutral && negative >= positive ? 'negative' : neutral >= positive ? 'neutral' : 'positive',
  probabilities: { negative, neutral, positive },
});

describe('cascadeCurve', () => {
  // The gate is sure and right on the first text, unsure and wrong on the second (lead 0.1), unsure and right on the
  // third (lead 0.4), sure and wrong on the fourth; the full model is right on all but the third.
  const gate = [p(0.9, 0.05, 0.05), p(0.45, 0.35, 0.2), p(0.1, 0.2, 0.7), p(0.05, 0.05, 0.9)];
  const full = [p(0.8, 0.1, 0.1), p(0.2, 0.7, 0.1), p(0.6, 0.2, 0.2), p(0.1, 0.8, 0.1)];
  const gold = ['negative', 'neutral', 'positive', 'neutral'] as const;

  it('sends on the texts whose gate lead is below each margin, and scores the mix', () => {
    const [none, some, most, all] = cascadeCurve(gate, full, [...gold], [0, 0.2, 0.6, 1]);
    expect(none).toMatchObject({ margin: 0, share: 0, accuracy: 0.5 });
    expect(some).toMatchObject({ share: 0.25, accuracy: 0.75 }); // the second text fixed
    expect(most).toMatchObject({ share: 0.5, accuracy: 0.5 }); // the third spoilt
    expect(all).toMatchObject({ share: 1, accuracy: 0.75 });
    expect(some!.macroF1).toBeGreaterThan(none!.macroF1);
  });

  it('refuses predictions that do not match the labels', () => {
    expect(() => cascadeCurve(gate.slice(1), full, [...gold])).toThrow(/differ in count/);
  });
});

describe('cascade chart', () => {
  const points = [0, 0.5, 1].map((margin, i) => ({ margin, share: [0, 0.3, 1][i]!, accuracy: 0.8, macroF1: [0.79, 0.81, 0.81][i]! }));

  it('draws one marker per margin and series, the chosen margin filled and named, names escaped', () => {
    const svg = cascadeSvg('q<&>', 'gate', [{ title: 'val', points, colour: '#111' }, { title: 'test', points, colour: '#222' }], 0.5, 0.8);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg.match(/<circle [^>]*r="5" fill="#111"/g)).toHaveLength(1);
    expect(svg).toContain('margin 0.5 (30 %)');
    expect(svg).toContain('q&lt;&amp;>');
    expect(svg).not.toContain('q<&');
  });

  it('places a larger share further right and a better macro-F1 higher', () => {
    const svg = cascadeSvg('q', 'g', [{ title: 'val', points, colour: '#111' }], 0.5, 0.8);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(circles[1]![0]).toBeGreaterThan(circles[0]![0]!);
    expect(circles[1]![1]).toBeLessThan(circles[0]![1]!);
  });
});
