import type { Label } from '../tokenizer/index.js';
import type { Baseline } from './baseline.js';

/** Predicts the most frequent label of a domain's training labels. */
export function majorityBaseline(trainingLabels: readonly Label[]): Baseline {
  const counts = new Map<Label, number>();
  for (const l of trainingLabels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neutral';
  return { id: `majority (${top})`, predict: (texts) => texts.map(() => top) };
}
