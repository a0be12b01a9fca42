import type { Prediction } from '../inference/index.js';
import { LABELS, type Label } from '../tokenizer/index.js';

/** One bin of a reliability diagram: texts whose top probability fell in [lo, hi). */
export interface ReliabilityBin {
  lo: number;
  hi: number;
  n: number;
  /** Mean top probability of the bin's texts. */
  confidence: number;
  /** Share of them whose predicted label is right. */
  accuracy: number;
}

/** How far a model's probabilities can be taken at their word. */
export interface Calibration {
  /** Expected calibration error: the texts-weighted mean |accuracy − confidence| over `BINS` equal-width bins. */
  ece: number;
  /** Mean negative log-likelihood of the gold label (nats). */
  nll: number;
  /** Mean squared distance between the probabilities and the gold label's one-hot vector, summed over classes. */
  brier: number;
  bins: ReliabilityBin[];
}

export const BINS = 15;
const FLOOR = 1e-12;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** A text's probabilities in LABELS order. */
export type Row = readonly [number, number, number];

/** A prediction's probabilities as a `Row`. */
export const probabilityRow = ({ probabilities: p }: Prediction): Row => [p.negative, p.neutral, p.positive];

/** Mean negative log-likelihood of `gold` under `probs`. */
export function meanNll(gold: readonly Label[], probs: readonly Row[]): number {
  let sum = 0;
  probs.forEach((p, i) => (sum -= Math.log(Math.max(p[LABELS.indexOf(gold[i]!)]!, FLOOR))));
  return sum / (probs.length || 1);
}

/** ECE, NLL, Brier score and the reliability diagram's bins of one set's predictions. */
export function computeCalibration(gold: readonly Label[], probs: readonly Row[]): Calibration {
  if (gold.length !== probs.length) throw new Error('rapport/models: gold labels and probabilities differ in count.');
  const bins = Array.from({ length: BINS }, (_, b) => ({ lo: b / BINS, hi: (b + 1) / BINS, n: 0, confidence: 0, accuracy: 0 }));
  let brier = 0;
  probs.forEach((p, i) => {
    const g = LABELS.indexOf(gold[i]!);
    const best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
    const bin = bins[Math.min(BINS - 1, Math.floor(p[best] * BINS))]!;
    bin.n++;
    bin.confidence += p[best];
    bin.accuracy += best === g ? 1 : 0;
    p.forEach((x, k) => (brier += (x - (k === g ? 1 : 0)) ** 2));
  });
  const n = probs.length || 1;
  const ece = bins.reduce((sum, b) => sum + Math.abs(b.accuracy - b.confidence), 0) / n;
  return {
    ece: round(ece),
    nll: round(meanNll(gold, probs)),
    brier: round(brier / n),
    bins: bins.filter((b) => b.n > 0).map((b) => ({ ...b, confidence: round(b.confidence / b.n), accuracy: round(b.accuracy / b.n) })),
  };
}
