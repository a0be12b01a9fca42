import type { EncoderConfig, Label } from '../tokenizer/index.js';
import type { CascadeConfig } from './cascade.js';

export interface Probabilities {
  positive: number;
  neutral: number;
  negative: number;
}

/** One token's share in a prediction: attention weight, or the drop in the predicted class when it is removed. */
export interface TokenWeight {
  token: string;
  weight: number;
}

export interface Prediction {
  label: Label;
  probabilities: Probabilities;
  explanation?: TokenWeight[];
}

export interface ClassifyOptions {
  /** Add a per-token explanation to each prediction. @default false */
  explain?: boolean;
}

/** The one interface every sentiment backend implements. */
export interface SentimentModel {
  /** The model's name, e.g. `fast`; stored with each prediction. */
  readonly id: string;
  classify(texts: readonly string[], opts?: ClassifyOptions): Promise<Prediction[]>;
  /** Frees the runtime session. */
  dispose(): Promise<void>;
}

/** What a backend gives the shared classifier: one int64 run of the ONNX graph. */
export interface IntInput {
  data: Int32Array;
  dims: readonly number[];
}
export interface FloatOutput {
  data: Float32Array;
  dims: readonly number[];
}
export interface GraphRunner {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, IntInput>): Promise<Record<string, FloatOutput>>;
  release(): Promise<void>;
}

export interface ModelOptions {
  /** Texts per ONNX run. @default 64, or 8 for a model that reads sentence pieces */
  batchSize?: number;
  /** For a cascade (`vocab.json`'s `cascade`): false loads its own graph alone, and every text goes through it. @default true */
  cascade?: boolean;
  /**
   * false: the graph's own probabilities, without `vocab.json`'s `temperature` (how the temperature is fitted); a
   * cascade's gate keeps its own. @default true
   */
  calibrated?: boolean;
}

/**
 * A parsed `vocab.json`: the encoder's settings, the temperature that calibrates the graph's probabilities, and for a
 * cascade, the gate it consults first.
 */
export interface ModelConfig extends EncoderConfig {
  cascade?: CascadeConfig | null;
  /** Temperature scaling of the graph's probabilities (`temperature.ts`); absent or null means 1. */
  temperature?: number | null;
}
