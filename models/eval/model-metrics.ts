import type { Calibration } from './calibration.js';
import type { Metrics } from './metrics.js';
import type { SetKey } from './sets.js';

/** The machine-readable twin of a model card, `models/<name>/metrics.json`; the tests hold the model to it. */
export interface ModelMetrics {
  model: string;
  isDefault: boolean;
  onnxBytes: number;
  vocabBytes: number;
  /**
   * texts/s with onnxruntime-node, one thread, measured when the card was written: wall clock (best of 3 passes, on a
   * shared machine) and per CPU-second of the process (`…Cpu`, independent of the load).
   */
  speed: { nodeBatch1: number; nodeBatch64: number; nodeBatch1Cpu: number; nodeBatch64Cpu: number };
  selectionScore: number;
  sets: Record<SetKey, Metrics>;
  /** `vocab.json`'s temperature (1 when it has none): the served probabilities are the graph's at this temperature. */
  temperature: number;
  /** The calibration of the graph's own probabilities (temperature 1), beside `sets[…].calibration` as served. */
  uncalibrated: Record<SetKey, Omit<Calibration, 'bins'>>;
}
