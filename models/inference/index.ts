// Browser-safe surface: the interface, the shared classifier and the onnxruntime-web backend.
export { cascade, topMargin, type CascadeConfig } from './cascade.js';
export { checkConfig, createClassifier } from './classifier.js';
export type {
  ClassifyOptions, FloatOutput, GraphRunner, IntInput, ModelConfig, ModelOptions, Prediction, Probabilities,
  SentimentModel, TokenWeight,
} from './types.js';
export { loadWebModel, type WebModelOptions, type WebModelSource } from './web-backend.js';
