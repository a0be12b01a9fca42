// Reached only through import() from classify.ts: onnxruntime-web, the tokenizer and the model code load on first use.
export { loadWebModel } from '../../models/inference/web-backend.js';

// The widget build copies onnxruntime-web's .wasm to `ort/` beside the entries and puts this module in `chunks/`.
// A variable (not a literal) keeps the bundler from treating the folder as an asset to inline.
const ORT_DIR = '../ort/';
/** Where the bundle's own copy of onnxruntime-web's `.wasm` lives; undefined outside the widget bundle. */
export const bundledWasmPaths: string | undefined = import.meta.url.includes('/chunks/') ? new URL(ORT_DIR, import.meta.url).href : undefined;
