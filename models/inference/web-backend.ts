import * as ort from 'onnxruntime-web/wasm';
import { behindGate } from './cascade.js';
import { checkConfig, createClassifier } from './classifier.js';
import { sessionRunner } from './session-runner.js';
import type { ModelConfig, ModelOptions, SentimentModel } from './types.js';

/**
 * Where a model comes from: URLs (browser) or bytes and a parsed vocab.json (anywhere). A cascade (`vocab.json`'s
 * `cascade`) also needs its gate: `gate`, or, when `model` is a URL, the gate's folder beside the model's.
 */
export interface WebModelSource {
  id: string;
  model: string | URL | Uint8Array;
  vocab: string | URL | ModelConfig;
  gate?: WebModelSource;
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
  return load(source, options, false);
}

async function load(source: WebModelSource, options: WebModelOptions, asGate: boolean): Promise<SentimentModel> {
  ort.env.wasm.numThreads = options.numThreads ?? 1;
  if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
  const config = checkConfig(
    typeof source.vocab === 'string' || source.vocab instanceof URL
      ? ((await (await fetchOk(source.vocab)).json()) as ModelConfig)
      : source.vocab,
    source.id,
  );
  if (config.cascade && asGate) throw new Error(`rapport/models: the gate ${source.id} is itself a cascade.`);
  const margin = config.cascade?.margin ?? null;
  return behindGate(margin, options, (o) => load(gateSource(source, config.cascade!.gate), o, true), async () => {
    const bytes =
      source.model instanceof Uint8Array ? source.model : new Uint8Array(await (await fetchOk(source.model)).arrayBuffer());
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    return createClassifier(source.id, config, sessionRunner(session, ort.Tensor), options);
  });
}

function gateSource(source: WebModelSource, gate: string): WebModelSource {
  if (source.gate) {
    if (source.gate.id !== gate) throw new Error(`rapport/models: model ${source.id} wants the gate ${gate}, not ${source.gate.id}.`);
    return source.gate;
  }
  if (source.model instanceof Uint8Array) {
    throw new Error(`rapport/models: model ${source.id} is a cascade: pass its gate (${gate}) as source.gate.`);
  }
  const base = new URL(`../${gate}/`, new URL(source.model, globalThis.location?.href));
  return { id: gate, model: new URL('model.onnx', base), vocab: new URL('vocab.json', base) };
}
