import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkConfig, loadNodeModel, loadWebModel, modelDir, readModelDir, topMargin, type ModelConfig,
  type Prediction, type SentimentModel,
} from '../../models/inference/node.js';
import { sampleTexts } from './texts.js';

const vocabOf = (name: string) => JSON.parse(readFileSync(path.join(modelDir(name), 'vocab.json'), 'utf8')) as ModelConfig;

/** A folder holding `name`'s model.onnx (linked) and the given vocab.json, so the loaders read them as `name`. */
function modelFolder(root: string, name: string, from: string, vocab: ModelConfig): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(modelDir(from), 'model.onnx'), path.join(dir, 'model.onnx'));
  writeFileSync(path.join(dir, 'vocab.json'), JSON.stringify(vocab));
  return dir;
}

describe('the quality model as a cascade behind ensemble', () => {
  const { cascade: config } = vocabOf('quality');
  let served: SentimentModel;
  let gate: SentimentModel;
  let full: SentimentModel;
  beforeAll(async () => {
    served = await loadNodeModel(modelDir('quality'));
    gate = await loadNodeModel(modelDir(config!.gate));
    full = await loadNodeModel(modelDir('quality'), { cascade: false });
  });
  afterAll(async () => {
    await Promise.all([served?.dispose(), gate?.dispose(), full?.dispose()]);
  });

  it('names its gate and a margin chosen on validation', () => {
    expect(config).toEqual({ gate: 'ensemble', margin: expect.any(Number) });
    expect(config!.margin).toBeGreaterThan(0);
    expect(config!.margin).toBeLessThanOrEqual(1);
  });

  it("answers with the gate where it is sure and with the whole graph where it is not", async () => {
    const texts = sampleTexts(200);
    const [a, g, f] = await Promise.all([served.classify(texts), gate.classify(texts), full.classify(texts)]);
    const same = (x: Prediction, y: Prediction) => {
      expect(x.label).toBe(y.label);
      for (const k of ['positive', 'neutral', 'negative'] as const) expect(Math.abs(x.probabilities[k] - y.probabilities[k])).toBeLessThan(1e-5);
    };
    let unsure = 0;
    for (let i = 0; i < texts.length; i++) {
      if (topMargin(g[i]!.probabilities) < config!.margin) {
        unsure++;
        same(a[i]!, f[i]!);
      } else same(a[i]!, g[i]!);
    }
    // Both paths are taken on real tweets: some, not all, go on to the whole graph.
    expect(unsure).toBeGreaterThan(10);
    expect(unsure).toBeLessThan(190);
    expect(served.id).toBe('quality');
    expect(topMargin({ negative: 0.4, neutral: 0.35, positive: 0.25 })).toBeCloseTo(0.05, 10);
  });

  it('gives a text the same answer alone as in a batch', async () => {
    const texts = sampleTexts(40);
    const batched = await served.classify(texts);
    for (const i of [0, 13, 39]) {
      const [alone] = await served.classify([texts[i]!]);
      expect(alone!.label).toBe(batched[i]!.label);
      expect(Math.abs(alone!.probabilities.negative - batched[i]!.probabilities.negative)).toBeLessThan(1e-5);
    }
  });
});

describe('cascade: what a loader refuses', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'rapport-cascade-bad-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const fast = vocabOf('fast');

  it('rejects a margin outside (0, 1] and a gate that is no name or the model itself', () => {
    for (const cascadeConfig of [{ gate: 'fast', margin: 0 }, { gate: 'fast', margin: 1.5 }, { gate: 'fast', margin: '0.5' },
      { gate: '../fast', margin: 0.5 }, { gate: 'm', margin: 0.5 }]) {
      expect(() => checkConfig({ ...fast, cascade: cascadeConfig } as ModelConfig, 'm')).toThrow(/^rapport\/models: model m's cascade/);
    }
  });

  it('rejects a gate that is itself a cascade, and a missing gate, before loading anything', async () => {
    modelFolder(root, 'a', 'fast', { ...fast, cascade: { gate: 'b', margin: 0.5 } });
    modelFolder(root, 'b', 'fast', { ...fast, cascade: { gate: 'a', margin: 0.5 } });
    modelFolder(root, 'c', 'fast', { ...fast, cascade: { gate: 'nowhere', margin: 0.5 } });
    await expect(loadNodeModel(path.join(root, 'a'))).rejects.toThrow('rapport/models: the gate b is itself a cascade.');
    await expect(loadNodeModel(path.join(root, 'c'))).rejects.toThrow(/^rapport\/models: cannot read .*nowhere/);
    // Without its cascade a model needs no gate.
    const alone = await loadNodeModel(path.join(root, 'c'), { cascade: false });
    expect((await alone.classify(['thanks, great crew!']))[0]!.label).toBe('positive');
    await alone.dispose();
  });

  it('asks the web backend for the gate when the model comes as bytes', async () => {
    const files = await readModelDir(modelDir('fast'));
    const vocab = { ...files.vocab, cascade: { gate: 'linear', margin: 0.5 } };
    await expect(loadWebModel({ id: 'm', model: files.model, vocab })).rejects.toThrow(/model m is a cascade: pass its gate \(linear\)/);
    await expect(loadWebModel({ id: 'm', model: files.model, vocab, gate: files })).rejects.toThrow(/wants the gate linear, not fast/);
    const alone = await loadWebModel({ id: 'm', model: files.model, vocab }, { cascade: false });
    expect((await alone.classify(['thanks, great crew!']))[0]!.label).toBe('positive');
    await alone.dispose();
  });
});
