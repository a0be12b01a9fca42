import * as ort from 'onnxruntime-web/wasm';
import type { EncoderConfig } from '../tokenizer/index.js';
import { checkConfig, createClassifier } from './classifier.js';
import { sessionRunner } from './session-runner.js';
import type { ModelOptions, SentimentModel } from './types.js';

/** Where a model comes from: URLs (browser) or bytes and a parsed vocab.json (anywhere). */
export interface WebModelSource {
  id: string;
  model: string | URL | Uint8Array;
  vocab: string | URL | EncoderConfig;
}

export interface WebModelOptions extends ModelOptions {
  /** Base URL of onnxruntime-web's `.wasm` files; by default next to the onnxruntime-web module. */
  wasmPaths?: string;
  /** WASM threads. @default 1 (two threads were slower than one on 2 cores) */
  numThreads?: number;
}

async function fetchOk(url: string | URL): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`rapport/models: fetching ${String(url)} failed with HTTP ${res.status}.`);
  return res;
}

/** onnxruntime-web (WASM) backend: runs in the browser and in Node. */
export async function loadWebModel(source: WebModelSource, options: WebModelOptions = {}): Promise<SentimentModel> {
  ort.env.wasm.numThreads = options.numThreads ?? 1;
  if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
  const config = checkConfig(
    typeof source.vocab === 'string' || source.vocab instanceof URL
      ? ((await (await fetchOk(source.vocab)).json()) as EncoderConfig)
      : source.vocab,
  );
  const bytes =
    source.model instanceof Uint8Array ? source.model : new Uint8Array(await (await fetchOk(source.model)).arrayBuffer());
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const runner = sessionRunner(session, ort.Tensor);
  return createClassifier(source.id, config, runner, options);
}
