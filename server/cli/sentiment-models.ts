import { createModelRegistry, type ModelRegistry } from '../sentiment/model-registry';
import { UsageError } from './fail';

/**
 * The sentiment models a command classifies with: the shipped ones, `name` (e.g. `quality`) as the default instead of
 * models/default.json's when given. An unknown name is a usage error, raised before anything is opened.
 */
export function sentimentModels(name?: string): ModelRegistry {
  const models = createModelRegistry({ defaultName: name || undefined });
  if (!models.available().includes(models.defaultName)) {
    throw new UsageError(`There is no sentiment model "${models.defaultName}"; available: ${models.available().join(', ')}.`);
  }
  return models;
}
