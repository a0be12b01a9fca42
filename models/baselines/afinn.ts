import Sentiment from 'sentiment';
import type { Label } from '../tokenizer/index.js';
import type { Baseline } from './baseline.js';

const afinn = new Sentiment();

/** AFINN-165 word scores summed by the `sentiment` package: > 0 positive, < 0 negative, 0 neutral. */
export function afinnLabel(text: string): Label {
  const { score } = afinn.analyze(text);
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

export const afinnBaseline: Baseline = { id: 'AFINN', predict: (texts) => texts.map(afinnLabel) };
