import { LABELS, type Label } from '../tokenizer/index.js';
import type { Interval } from './bootstrap.js';
import type { Calibration } from './calibration.js';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<Label, ClassMetrics>;
  /** confusion[gold][predicted], rows and columns in LABELS order. */
  confusion: number[][];
  /** 95 % bootstrap interval of accuracy and macro-F1 (models only; eval/bootstrap.ts). */
  interval?: Interval;
  /** How well the probabilities are calibrated, as served (models only; eval/calibration.ts). */
  calibration?: Calibration;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Accuracy, per-class precision / recall / F1, macro-F1 and the confusion matrix. */
export function computeMetrics(gold: readonly Label[], predicted: readonly Label[]): Metrics {
  if (gold.length !== predicted.length) throw new Error('rapport/models: gold and predicted labels differ in count.');
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  gold.forEach((g, i) => confusion[LABELS.indexOf(g)]![LABELS.indexOf(predicted[i]!)]!++);
  const perClass = {} as Record<Label, ClassMetrics>;
  let correct = 0;
  let f1Sum = 0;
  LABELS.forEach((label, k) => {
    const tp = confusion[k]![k]!;
    const support = confusion[k]!.reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + row[k]!, 0);
    const precision = predictedK ? tp / predictedK : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision: round(precision), recall: round(recall), f1: round(f1), support };
    correct += tp;
    f1Sum += f1;
  });
  return { n: gold.length, accuracy: round(correct / (gold.length || 1)), macroF1: round(f1Sum / LABELS.length), perClass, confusion };
}
