import vader from 'vader-sentiment';
import type { Label } from '../tokenizer/index.js';
import type { Baseline } from './baseline.js';

/** VADER (Hutto & Gilbert 2014) with its authors' thresholds: compound ≥ 0.05 positive, ≤ −0.05 negative. */
export function vaderLabel(text: string): Label {
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  return compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';
}

export const vaderBaseline: Baseline = { id: 'VADER', predict: (texts) => texts.map(vaderLabel) };
