import { topMargin, type Prediction } from '../inference/index.js';
import type { Label } from '../tokenizer/index.js';
import { computeMetrics } from './metrics.js';

/** One margin of a cascade: the share of texts its full model sees, and the cascade's figures there. */
export interface CascadePoint {
  margin: number;
  share: number;
  accuracy: number;
  macroF1: number;
}

/** Margins 0, 0.05, …, 1: from the gate alone to nearly every text through the full model. */
export const CURVE_MARGINS = Array.from({ length: 21 }, (_, i) => i / 20);

/**
 * What a cascade would score at each margin, from the gate's and the full model's predictions on the same texts: the
 * full model's label where the gate's top two classes are less than the margin apart, the gate's elsewhere.
 */
export function cascadeCurve(
  gate: readonly Prediction[], full: readonly Prediction[], gold: readonly Label[], margins: readonly number[] = CURVE_MARGINS,
): CascadePoint[] {
  if (gate.length !== gold.length || full.length !== gold.length) throw new Error('rapport/models: predictions and labels differ in count.');
  const lead = gate.map((p) => topMargin(p.probabilities));
  return margins.map((margin) => {
    const sent = lead.map((l) => l < margin);
    const labels = gate.map((p, i) => (sent[i] ? full[i]!.label : p.label));
    const { accuracy, macroF1 } = computeMetrics(gold, labels);
    return { margin, share: sent.filter(Boolean).length / gold.length, accuracy, macroF1 };
  });
}
