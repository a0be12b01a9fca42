import { recordClassify } from '../observability/metrics';
import type { Classifier } from '../ingest/load/interactions';
import type { ModelRegistry } from './model-registry';

/** Classifies the interactions an import writes without a prediction, with the default model, in the model's batches. */
export function importClassifier(models: ModelRegistry): Classifier {
  return async (texts) => {
    recordClassify('import', texts.length);
    const model = await models.get();
    const predictions = await model.classify(texts);
    return predictions.map((p) => ({ label: p.label, probabilities: p.probabilities, modelId: model.id }));
  };
}
