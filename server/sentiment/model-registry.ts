import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultModelName, loadNodeModel, modelDir, MODEL_NAMES } from '../../models/inference/node';
import type { SentimentModel } from '../../models/inference/node';

/** The shipped sentiment models, loaded on first use and kept for the life of the process. */
export interface ModelRegistry {
  readonly defaultName: string;
  /** Names of the models present on disk. */
  available(): string[];
  /** Loads (once) and returns a model; rejects with a plain sentence for an unknown name. */
  get(name?: string | null): Promise<SentimentModel>;
  dispose(): Promise<void>;
}

export class UnknownModelError extends Error {
  override readonly name = 'UnknownModelError';
}

export function createModelRegistry(options: { defaultName?: string } = {}): ModelRegistry {
  const defaultName = options.defaultName ?? defaultModelName();
  const loading = new Map<string, Promise<SentimentModel>>();
  const available = () => MODEL_NAMES.filter((name) => existsSync(path.join(modelDir(name), 'model.onnx')));
  return {
    defaultName,
    available,
    get(name) {
      const wanted = name ?? defaultName;
      if (!available().includes(wanted as (typeof MODEL_NAMES)[number])) {
        return Promise.reject(new UnknownModelError(`There is no model "${wanted}"; available: ${available().join(', ')}.`));
      }
      let model = loading.get(wanted);
      if (!model) {
        model = loadNodeModel(modelDir(wanted));
        loading.set(wanted, model);
        model.catch(() => loading.delete(wanted));
      }
      return model;
    },
    async dispose() {
      const models = await Promise.allSettled(loading.values());
      loading.clear();
      await Promise.all(models.map((m) => (m.status === 'fulfilled' ? m.value.dispose() : undefined)));
    },
  };
}
