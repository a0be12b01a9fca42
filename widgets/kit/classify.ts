import type { Probabilities, TokenWeight } from '../feed/types.js';
import { besideBundle } from './config.js';

/** One in-browser prediction, shaped like the API's `Classification`. */
export interface LocalClassification {
  label: 'positive' | 'neutral' | 'negative';
  probabilities: Probabilities;
  modelId: string;
  explanation?: TokenWeight[];
}

export interface LocalClassifyOptions {
  /**
   * Where the server publishes its models (`default.json`, `<name>/model.onnx`, `<name>/vocab.json`).
   * @default '/models/' on the origin the widget bundle was loaded from
   */
  modelsUrl?: string;
  /** A model name; the server's default (`default.json`) when unset. */
  model?: string;
  /**
   * Base URL of onnxruntime-web's `.wasm` files.
   * @default the `ort/` folder beside the widget bundle's entries
   */
  wasmPaths?: string;
  /** Per-token weights. @default false */
  explain?: boolean;
}

/** Like the default endpoint (kit/config.ts): the server that served the bundle publishes the models, not the host page. */
const DEFAULT_MODELS_URL = besideBundle('/models/');

type Model = { id: string; classify(texts: readonly string[], o?: { explain?: boolean }): Promise<Array<Omit<LocalClassification, 'modelId'>>> };
const models = new Map<string, Promise<Model>>();

/**
 * Classifies texts in this page with the server's sentiment model on onnxruntime-web (WASM): the model and its
 * vocabulary are fetched once (lazily, with the runtime) and the texts never leave the page.
 */
export async function classify(texts: readonly string[], options: LocalClassifyOptions = {}): Promise<LocalClassification[]> {
  const model = await loadModel(options);
  const out = await model.classify(texts, { explain: options.explain });
  return out.map((p) => ({ ...p, modelId: model.id }));
}

function loadModel(options: LocalClassifyOptions): Promise<Model> {
  const base = new URL(options.modelsUrl ?? DEFAULT_MODELS_URL, document.baseURI);
  const key = `${base.href}|${options.model ?? ''}`;
  let found = models.get(key);
  if (!found) {
    found = (async () => {
      const name = options.model ?? (await defaultModel(base));
      const { loadWebModel, bundledWasmPaths } = await import('./classify-runtime.js');
      return loadWebModel(
        { id: name, model: new URL(`${name}/model.onnx`, base), vocab: new URL(`${name}/vocab.json`, base) },
        { wasmPaths: options.wasmPaths ?? bundledWasmPaths },
      );
    })();
    found.catch(() => models.delete(key));
    models.set(key, found);
  }
  return found;
}

async function defaultModel(base: URL): Promise<string> {
  const res = await fetch(new URL('default.json', base));
  if (!res.ok) throw new Error(`rapport/classify: ${base.href}default.json answered ${res.status}.`);
  const { model } = (await res.json()) as { model?: string };
  if (!model || !/^[a-z0-9-]+$/.test(model)) throw new Error('rapport/classify: default.json names no model.');
  return model;
}
