import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeModel, loadWebModel, MODEL_NAMES, modelDir, readModelDir, type SentimentModel } from '../../models/inference/node.js';
import { hostileTexts, sampleTexts } from './texts.js';

const shipped = MODEL_NAMES.filter((name) => existsSync(path.join(modelDir(name), 'model.onnx')));

describe.each(shipped)('inference: %s', (name) => {
  let server: SentimentModel;
  let web: SentimentModel;
  beforeAll(async () => {
    server = await loadNodeModel(modelDir(name));
    web = await loadWebModel(await readModelDir(modelDir(name)));
  });
  afterAll(async () => {
    await server?.dispose();
    await web?.dispose();
  });

  it('gives the same probabilities on onnxruntime-node and onnxruntime-web (200 texts, 1e-4)', async () => {
    const texts = sampleTexts(200);
    const [a, b] = await Promise.all([server.classify(texts), web.classify(texts)]);
    expect(a).toHaveLength(200);
    for (let i = 0; i < a.length; i++) {
      for (const k of ['positive', 'neutral', 'negative'] as const) {
        expect(Math.abs(a[i]!.probabilities[k] - b[i]!.probabilities[k])).toBeLessThan(1e-4);
      }
      expect(a[i]!.label).toBe(b[i]!.label);
    }
  });

  it('returns a result for non-English, empty, 1 MB and binary-garbage texts', async () => {
    const texts = hostileTexts();
    for (const model of [server, web]) {
      const out = await model.classify(texts);
      expect(out).toHaveLength(texts.length);
      for (const p of out) {
        const sum = p.probabilities.positive + p.probabilities.neutral + p.probabilities.negative;
        expect(sum).toBeCloseTo(1, 4);
        expect(['positive', 'neutral', 'negative']).toContain(p.label);
      }
    }
  });

  it('does not depend on the batch a text is in', async () => {
    const texts = sampleTexts(70);
    const batched = await server.classify(texts);
    const single = await server.classify([texts[69]!]);
    expect(Math.abs(single[0]!.probabilities.negative - batched[69]!.probabilities.negative)).toBeLessThan(1e-5);
  });

  it('explains a prediction token by token', async () => {
    const [p] = await server.classify(['@united the crew was awesome, thanks!'], { explain: true });
    expect(p!.explanation?.map((e) => e.token)).toEqual(['<user>', 'the', 'crew', 'was', 'awesome', ',', 'thanks', '!']);
    expect(p!.explanation!.every((e) => Number.isFinite(e.weight))).toBe(true);
  });

  it('rejects what is not text with a clear error', async () => {
    await expect(server.classify([42 as unknown as string])).rejects.toThrow(/^rapport\/models: texts\[0\] is not a string/);
  });
});
