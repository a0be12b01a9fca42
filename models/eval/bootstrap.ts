import seedrandom from 'seedrandom';
import { LABELS, type Label } from '../tokenizer/index.js';

/**
 * A 95 % percentile-bootstrap interval of accuracy and macro-F1 (or of a difference of them): how far the figures
 * could move on another sample of the same size.
 */
export interface Interval {
  accuracy: [number, number];
  macroF1: [number, number];
  rounds: number;
}

const ROUNDS = 1000;
const SEED = 'rapport';
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Each text's confusion cell, 3 × gold + predicted. */
function cells(gold: readonly Label[], predicted: readonly Label[]): Int32Array {
  if (gold.length !== predicted.length) throw new Error('rapport/models: gold and predicted labels differ in count.');
  return Int32Array.from(gold, (g, i) => 3 * LABELS.indexOf(g) + LABELS.indexOf(predicted[i]!));
}

/** Accuracy and macro-F1 of a flat 3 × 3 confusion matrix (row gold, column predicted) over n texts. */
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

/**
 * Resamples the texts with replacement (seeded, so a run is reproducible); in each round every prediction set is scored
 * on the same resample, and `statistic` turns their [accuracy, macro-F1] pairs into one pair. Returns the 2.5th and
 * 97.5th percentiles of that pair.
 */
function bootstrap(sets: readonly Int32Array[], statistic: (s: [number, number][]) => [number, number], rounds: number, seed: string): Interval {
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rapport/models: bootstrap rounds must be a positive integer, not ${rounds}.`);
  const n = sets[0]!.length;
  if (n === 0) return { accuracy: [0, 0], macroF1: [0, 0], rounds: 0 };
  const random = seedrandom.alea(seed);
  const confusions = sets.map(() => new Int32Array(9));
  const draws: [number[], number[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const c of confusions) c.fill(0);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      sets.forEach((cell, s) => confusions[s]![cell[j]!]!++);
    }
    const [a, f] = statistic(confusions.map((c) => scores(c, n)));
    draws[0].push(a);
    draws[1].push(f);
  }
  const at = (xs: number[]): [number, number] => {
    xs.sort((a, b) => a - b);
    return [round(xs[Math.floor(0.025 * rounds)]!), round(xs[Math.min(rounds - 1, Math.floor(0.975 * rounds))]!)];
  };
  return { accuracy: at(draws[0]), macroF1: at(draws[1]), rounds };
}

/** 95 % interval of one model's accuracy and macro-F1. */
export function bootstrapInterval(gold: readonly Label[], predicted: readonly Label[], rounds = ROUNDS, seed = SEED): Interval {
  return bootstrap([cells(gold, predicted)], ([s]) => s!, rounds, seed);
}

/**
 * 95 % interval of the difference A − B in accuracy and macro-F1, both scored on the same resamples (paired), so it
 * answers "is A better than B on texts like these" far more sharply than two separate intervals do.
 */
export function bootstrapDifference(
  gold: readonly Label[], a: readonly Label[], b: readonly Label[], rounds = ROUNDS, seed = SEED,
): Interval {
  return bootstrap([cells(gold, a), cells(gold, b)], ([x, y]) => [x![0] - y![0], x![1] - y![1]], rounds, seed);
}
