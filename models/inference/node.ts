// Node-only surface (server): everything in index.ts plus the onnxruntime-node backend and the model registry.
export * from './index.js';
export { loadNodeModel, readModelDir, type ModelFiles, type NodeModelOptions } from './node-backend.js';
export { defaultModelName, MODEL_NAMES, MODELS_DIR, modelDir } from './registry.js';
