import type { Label } from '../tokenizer/index.js';

/** A reference classifier the models are compared with, in the same evaluation run. */
export interface Baseline {
  id: string;
  predict(texts: readonly string[]): Label[];
}
