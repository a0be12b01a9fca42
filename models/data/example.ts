import type { Label } from '../tokenizer/index.js';

export type Source = 'airline' | 'phrasebank' | 'tweeteval';
export type Split = 'train' | 'validation' | 'test';

/** One labelled text. */
export interface Example {
  text: string;
  label: Label;
  source: Source;
  split: Split;
}
