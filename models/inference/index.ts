// Browser-safe surface: the interface, the shared classifier and the onnxruntime-web backend.
export { checkConfig, createClassifier } from './classifier.js';
export type {
  ClassifyOptions, FloatOutput, GraphRunner, IntInput, ModelOptions, Prediction, Probabilities, SentimentModel,
  TokenWeight,
} from './types.js';
export { loadWebModel, type WebModelOptions, type WebModelSource } from './web-backend.js';
