import seedrandom from 'seedrandom';
import { LABELS, type Label } from '../tokenizer/index.js';

/** A 95 % percentile-bootstrap interval of accuracy and macro-F1: how far the figures could move on another sample. */
export interface Interval {
  accuracy: [number, number];
  macroF1: [number, number];
  rounds: number;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Accuracy and macro-F1 of a 3 × 3 confusion matrix (row gold, column predicted), flat. */
function scores(confusion: Int32Array, n: number): [number, number] {
  let correct = 0;
  let f1 = 0;
  for (let k = 0; k < 3; k++) {
    const tp = confusion[4 * k]!;
    const gold = confusion[3 * k]! + confusion[3 * k + 1]! + confusion[3 * k + 2]!;
    const predicted = confusion[k]! + confusion[3 + k]! + confusion[6 + k]!;
    correct += tp;
    f1 += gold + predicted ? (2 * tp) / (gold + predicted) : 0;
  }
  return [correct / n, f1 / 3];
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/**
 * Resamples the texts with replacement `rounds` times (seeded, so a run is reproducible) and returns the 2.5th and
 * 97.5th percentiles of accuracy and macro-F1.
 */
export function bootstrapInterval(gold: readonly Label[], predicted: readonly Label[], rounds = 1000, seed = 'rapport'): Interval {
  if (gold.length !== predicted.length) throw new Error('rapport/models: gold and predicted labels differ in count.');
  const n = gold.length;
  if (n === 0) return { accuracy: [0, 0], macroF1: [0, 0], rounds: 0 };
  const cell = Int32Array.from(gold, (g, i) => 3 * LABELS.indexOf(g) + LABELS.indexOf(predicted[i]!));
  const random = seedrandom.alea(seed);
  const accuracy: number[] = [];
  const macroF1: number[] = [];
  const confusion = new Int32Array(9);
  for (let r = 0; r < rounds; r++) {
    confusion.fill(0);
    for (let i = 0; i < n; i++) confusion[cell[Math.floor(random() * n)]!]!++;
    const [a, f] = scores(confusion, n);
    accuracy.push(a);
    macroF1.push(f);
  }
  accuracy.sort((a, b) => a - b);
  macroF1.sort((a, b) => a - b);
  return {
    accuracy: [round(percentile(accuracy, 0.025)), round(percentile(accuracy, 0.975))],
    macroF1: [round(percentile(macroF1, 0.025)), round(percentile(macroF1, 0.975))],
    rounds,
  };
}
