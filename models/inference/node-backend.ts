import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { EncoderConfig } from '../tokenizer/index.js';
import { checkConfig, createClassifier } from './classifier.js';
import { sessionRunner } from './session-runner.js';
import type { ModelOptions, SentimentModel } from './types.js';

/** Reads `model.onnx` and `vocab.json` from a model directory; the id is the directory's name. */
export async function readModelDir(dir: string): Promise<{ id: string; model: Uint8Array; vocab: EncoderConfig }> {
  const read = async (file: string) => {
    try {
      return await readFile(path.join(dir, file));
    } catch (e) {
      throw new Error(`rapport/models: cannot read ${path.join(dir, file)}: ${(e as Error).message}`);
    }
  };
  const [model, vocab] = await Promise.all([read('model.onnx'), read('vocab.json')]);
  return { id: path.basename(path.resolve(dir)), model, vocab: checkConfig(JSON.parse(vocab.toString('utf8'))) };
}

export interface NodeModelOptions extends ModelOptions {
  /** Intra-op threads. @default 1 */
  threads?: number;
}

/** onnxruntime-node backend (server): loads a model directory. */
export async function loadNodeModel(dir: string, options: NodeModelOptions = {}): Promise<SentimentModel> {
  const { id, model, vocab } = await readModelDir(dir);
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const runner = sessionRunner(session, ort.Tensor);
  return createClassifier(id, vocab, runner, options);
}
