import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory holding one folder per shipped model and `default.json`. */
export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Names of the shipped models. */
export const MODEL_NAMES = ['linear', 'fast', 'cnn-bilstm', 'bilstm-cnn-attention', 'ensemble', 'quality'] as const;

/** The default model's name, from `models/default.json` (chosen by validation quality; see its card). */
export function defaultModelName(): string {
  return (JSON.parse(readFileSync(path.join(MODELS_DIR, 'default.json'), 'utf8')) as { model: string }).model;
}

export function modelDir(name: string = defaultModelName()): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`rapport/models: "${name}" is not a model name.`);
  return path.join(MODELS_DIR, name);
}
