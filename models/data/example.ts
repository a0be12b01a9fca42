import type { Label } from '../tokenizer/index.js';

export type Source = 'airline' | 'phrasebank' | 'tweeteval';
export type Split = 'train' | 'validation' | 'test';

/** One labelled text. */
export interface Example {
  text: string;
  label: Label;
  source: Source;
  split: Split;
  /**
   * How far the annotators agreed on the label, 0–1, where the data says: the airline tweets' own
   * `airline_sentiment_confidence`; for PhraseBank, the strictest agreement file holding the sentence (1, 0.75, 0.66,
   * 0.5). Training may weight examples by it; evaluation never does.
   */
  agreement?: number;
}
