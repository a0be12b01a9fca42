import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, select } from '../../models/data/index.js';
import { computeCalibration, meanNll, probabilityRow, type ReliabilityBin, type Row } from '../../models/eval/calibration.js';
import { MIN_BIN, reliabilitySvg } from '../../models/eval/reliability-svg.js';
import {
  checkConfig, defaultModelName, loadNodeModel, modelDir, topMargin, type ModelConfig, type SentimentModel,
} from '../../models/inference/node.js';
import { applyTemperature } from '../../models/inference/temperature.js';
import { fitTemperature } from '../../models/train/temperature.js';
import { LABELS, type Label } from '../../models/tokenizer/index.js';
import { modelDataDir } from './data.js';
import { sampleTexts } from './texts.js';

const vocabOf = (name: string) => JSON.parse(readFileSync(path.join(modelDir(name), 'vocab.json'), 'utf8')) as ModelConfig;

/** A seeded generator (mulberry32), so the synthetic sets are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const softmax = (z: number[]): Row => {
  const e = z.map((v) => Math.exp(v - Math.max(...z)));
  const s = e.reduce((a, b) => a + b);
  return [e[0]! / s, e[1]! / s, e[2]! / s];
};

/**
 * `n` texts whose gold labels are drawn from softmax(z), while the model says softmax(sharpness × z): a model
 * over-confident by the factor `sharpness`, whose right temperature is that factor.
 */
function synthetic(n: number, sharpness: number): { gold: Label[]; probs: Row[] } {
  const rand = random(7);
  const gold: Label[] = [];
  const probs: Row[] = [];
  for (let i = 0; i < n; i++) {
    const z = [0, 1, 2].map(() => 3 * (rand() - 0.5));
    const truth = softmax(z);
    const u = rand();
    gold.push(LABELS[u < truth[0] ? 0 : u < truth[0] + truth[1] ? 1 : 2]!);
    probs.push(softmax(z.map((v) => v * sharpness)));
  }
  return { gold, probs };
}

describe('calibration figures', () => {
  it('computes ECE, log-loss and the Brier score as defined', () => {
    const gold: Label[] = ['negative', 'positive', 'neutral'];
    const probs: Row[] = [[0.9, 0.05, 0.05], [0.9, 0.05, 0.05], [0.2, 0.6, 0.2]];
    const c = computeCalibration(gold, probs);
    // Two texts at 0.9 with one right (|0.5 − 0.9| × 2), one at 0.6 and right (|1 − 0.6|): (0.8 + 0.4) / 3.
    expect(c.ece).toBeCloseTo(0.4, 4);
    expect(c.nll).toBeCloseTo(-(Math.log(0.9) + Math.log(0.05) + Math.log(0.6)) / 3, 4);
    expect(c.brier).toBeCloseTo((0.015 + 1.715 + 0.24) / 3, 4);
    expect(c.bins).toEqual([
      { lo: 9 / 15, hi: 10 / 15, n: 1, confidence: 0.6, accuracy: 1 },
      { lo: 13 / 15, hi: 14 / 15, n: 2, confidence: 0.9, accuracy: 0.5 },
    ]);
    expect(() => computeCalibration(gold, probs.slice(1))).toThrow(/differ in count/);
  });

  it('is near zero for a model that is right exactly as often as it says', () => {
    const { gold, probs } = synthetic(20_000, 1);
    expect(computeCalibration(gold, probs).ece).toBeLessThan(0.02);
    expect(computeCalibration(gold, synthetic(20_000, 2.5).probs).ece).toBeGreaterThan(0.05);
  });
});

describe('the reliability diagram', () => {
  const bin = (confidence: number, accuracy: number, n: number): ReliabilityBin => ({ lo: 0, hi: 1, n, confidence, accuracy });
  it('draws one marker per bin with enough texts, as served, and keeps low accuracies inside the plot', () => {
    const served = [bin(0.5, 0.1, 40), bin(0.7, 0.6, MIN_BIN), bin(0.9, 0.88, MIN_BIN - 1)];
    const svg = reliabilitySvg('m<&>', 1.3, [{ title: 'set <b>', colour: '#123456', served, raw: served }]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).not.toMatch(/<b>|m<&>/);
    expect(svg).toContain('m&lt;&amp;>:');
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.-]+)"/g)].map((c) => Number(c[1]));
    for (const y of ys) expect(y).toBeGreaterThan(40 - 1e-9); // the plot's top
    for (const y of ys) expect(y).toBeLessThan(420 - 48 + 1e-9); // its bottom axis
  });
});

describe('temperature scaling', () => {
  it('softens rows without reordering their classes, and is the identity at 1', () => {
    const rows = Float32Array.from([0.8, 0.1, 0.1, 0.2, 0.5, 0.3, 1, 0, 0]);
    expect(applyTemperature(rows.slice(), 1)).toEqual(rows);
    const t2 = applyTemperature(rows.slice(), 2);
    const s = Math.sqrt(0.8) + 2 * Math.sqrt(0.1);
    expect(t2[0]).toBeCloseTo(Math.sqrt(0.8) / s, 6);
    expect(t2[1]).toBeCloseTo(Math.sqrt(0.1) / s, 6);
    for (let r = 0; r < 9; r += 3) {
      expect(t2[r]! + t2[r + 1]! + t2[r + 2]!).toBeCloseTo(1, 6);
      const order = (a: Float32Array) => [0, 1, 2].sort((i, j) => a[r + j]! - a[r + i]!).join();
      expect(order(t2)).toBe(order(rows));
    }
    // A class at probability 0 stays at 0, and the row stays a distribution.
    expect([...t2.slice(6)]).toEqual([1, 0, 0]);
    expect(applyTemperature(rows.slice(0, 3), 1000)[0]).toBeCloseTo(1 / 3, 2);
  });

  it('fits the temperature that undoes a known over-confidence, and 1 for a calibrated model', () => {
    const sharp = synthetic(20_000, 2);
    expect(fitTemperature(sharp.gold, sharp.probs)).toBeCloseTo(2, 0);
    expect(Math.abs(fitTemperature(sharp.gold, sharp.probs) - 2)).toBeLessThan(0.15);
    const fair = synthetic(20_000, 1);
    expect(Math.abs(fitTemperature(fair.gold, fair.probs) - 1)).toBeLessThan(0.08);
    const t = fitTemperature(sharp.gold, sharp.probs);
    const scaled = applyTemperature(Float32Array.from(sharp.probs.flat()), t);
    const rows = sharp.probs.map((_, i) => [scaled[i * 3]!, scaled[i * 3 + 1]!, scaled[i * 3 + 2]!] as const);
    expect(meanNll(sharp.gold, rows)).toBeLessThan(meanNll(sharp.gold, sharp.probs));
  });

  it('is checked when a vocab.json is read', () => {
    const config = vocabOf('fast');
    for (const temperature of [0, -1, Number.NaN, 100, '1.3']) {
      expect(() => checkConfig({ ...config, temperature } as unknown as ModelConfig, 'fast'), String(temperature)).toThrow(/temperature/);
    }
    expect(checkConfig({ ...config, temperature: null }, 'fast').temperature).toBeNull();
    expect(checkConfig({ ...config, temperature: undefined }, 'fast').temperature).toBeUndefined();
  });
});

const dataDir = modelDataDir();

describe.skipIf(!dataDir)('the committed models are served calibrated', () => {
  const name = defaultModelName();
  const validation = dataDir ? (() => {
    const corpus = loadCorpus(dataDir);
    return [...select(corpus, 'airline', 'validation'), ...select(corpus, 'phrasebank', 'validation')];
  })() : [];
  let served: SentimentModel;
  let raw: SentimentModel;
  beforeAll(async () => {
    served = await loadNodeModel(modelDir(name));
    raw = await loadNodeModel(modelDir(name), { calibrated: false });
  });
  afterAll(async () => {
    await Promise.all([served?.dispose(), raw?.dispose()]);
  });

  it("the default's temperature is the one that fits its validation probabilities, and lowers their log-loss", async () => {
    const texts = validation.map((e) => e.text);
    const gold = validation.map((e) => e.label);
    const [s, r] = [await served.classify(texts), await raw.classify(texts)];
    const temperature = vocabOf(name).temperature!;
    expect(temperature).toBeGreaterThan(1); // the graph is over-confident
    expect(fitTemperature(gold, r.map(probabilityRow))).toBeCloseTo(temperature, 2);
    expect(meanNll(gold, s.map(probabilityRow))).toBeLessThan(meanNll(gold, r.map(probabilityRow)));
    // Same labels, softer probabilities.
    expect(s.map((p) => p.label)).toEqual(r.map((p) => p.label));
    s.forEach((p, i) => expect(Math.max(...probabilityRow(p))).toBeLessThanOrEqual(Math.max(...probabilityRow(r[i]!)) + 1e-6));
  });

  it('every committed model carries a fitted temperature', () => {
    for (const model of ['linear', 'fast', 'cnn-bilstm', 'bilstm-cnn-attention', 'ensemble', 'quality']) {
      const t = vocabOf(model).temperature;
      expect(t, model).toEqual(expect.any(Number));
      expect(t, model).toBeGreaterThan(0.5);
      expect(t, model).toBeLessThan(2);
    }
  });

  it("a cascade without its temperature keeps its gate's: the texts the gate answers are as served", async () => {
    const texts = sampleTexts(200);
    const { gate: gateName, margin } = vocabOf('quality').cascade!;
    const [cascadeServed, cascadeRaw, gate] = await Promise.all([
      loadNodeModel(modelDir('quality')), loadNodeModel(modelDir('quality'), { calibrated: false }), loadNodeModel(modelDir(gateName)),
    ]);
    try {
      const [s, r, g] = [await cascadeServed.classify(texts), await cascadeRaw.classify(texts), await gate.classify(texts)];
      const gateAnswers = g.map((p, i) => (topMargin(p.probabilities) >= margin ? i : -1)).filter((i) => i >= 0);
      expect(gateAnswers.length).toBeGreaterThan(0);
      expect(gateAnswers.length).toBeLessThan(texts.length);
      for (const i of gateAnswers) expect(r[i]).toEqual(s[i]);
      const sent = texts.map((_, i) => i).filter((i) => !gateAnswers.includes(i));
      expect(sent.some((i) => Math.abs(r[i]!.probabilities.negative - s[i]!.probabilities.negative) > 1e-4)).toBe(true);
    } finally {
      await Promise.all([cascadeServed.dispose(), cascadeRaw.dispose(), gate.dispose()]);
    }
  });
});
