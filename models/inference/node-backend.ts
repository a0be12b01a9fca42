import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { behindGate } from './cascade.js';
import { checkConfig, createClassifier } from './classifier.js';
import { sessionRunner } from './session-runner.js';
import type { ModelConfig, ModelOptions, SentimentModel } from './types.js';

/** A model directory's contents; a cascade's gate is read from the sibling directory its `vocab.json` names. */
export interface ModelFiles {
  id: string;
  model: Uint8Array;
  vocab: ModelConfig;
  gate?: ModelFiles;
}

/** Reads `model.onnx` and `vocab.json` from a model directory (and its gate's, for a cascade); the id is the directory's name. */
export async function readModelDir(dir: string): Promise<ModelFiles> {
  return readDir(dir, false);
}

/** `withGate` false reads the model's own files only, as `{ cascade: false }` needs. */
async function readDir(dir: string, asGate: boolean, withGate = true): Promise<ModelFiles> {
  const read = async (file: string) => {
    try {
      return await readFile(path.join(dir, file));
    } catch (e) {
      throw new Error(`rapport/models: cannot read ${path.join(dir, file)}: ${(e as Error).message}`);
    }
  };
  const id = path.basename(path.resolve(dir));
  const [model, vocabBytes] = await Promise.all([read('model.onnx'), read('vocab.json')]);
  const vocab = checkConfig(JSON.parse(vocabBytes.toString('utf8')) as ModelConfig, id);
  if (!vocab.cascade || !withGate) return { id, model, vocab };
  if (asGate) throw new Error(`rapport/models: the gate ${id} is itself a cascade.`);
  return { id, model, vocab, gate: await readDir(path.join(path.dirname(path.resolve(dir)), vocab.cascade.gate), true) };
}

export interface NodeModelOptions extends ModelOptions {
  /** Intra-op threads. @default 1 */
  threads?: number;
}

/** onnxruntime-node backend (server): loads a model directory. */
export async function loadNodeModel(dir: string, options: NodeModelOptions = {}): Promise<SentimentModel> {
  return fromFiles(await readDir(dir, false, options.cascade !== false), options);
}

async function fromFiles(files: ModelFiles, options: NodeModelOptions): Promise<SentimentModel> {
  // readDir left the gate out when it is not wanted (`cascade: false`).
  return behindGate(files.gate ? files.vocab.cascade!.margin : null, options, (o) => fromFiles(files.gate!, o), async () => {
    const session = await ort.InferenceSession.create(files.model, {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
    return createClassifier(files.id, files.vocab, sessionRunner(session, ort.Tensor), options);
  });
}
