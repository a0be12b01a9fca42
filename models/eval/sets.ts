import { select, type Example } from '../data/index.js';

/** The evaluation sets, by key. Validation picks the default; test sets are only reported. */
export const SET_KEYS = ['airline-validation', 'phrasebank-validation', 'airline-test', 'phrasebank-test', 'tweeteval'] as const;
export type SetKey = (typeof SET_KEYS)[number];

export const SET_TITLES: Record<SetKey, string> = {
  'airline-validation': 'Airline tweets, validation (bucket 7)',
  'phrasebank-validation': 'Financial PhraseBank, validation',
  'airline-test': 'Airline tweets, test (buckets 8–9)',
  'phrasebank-test': 'Financial PhraseBank, test',
  tweeteval: 'TweetEval val + test (cross-domain)',
};

export function evaluationSets(corpus: readonly Example[]): Record<SetKey, Example[]> {
  return {
    'airline-validation': select(corpus, 'airline', 'validation'),
    'phrasebank-validation': select(corpus, 'phrasebank', 'validation'),
    'airline-test': select(corpus, 'airline', 'test'),
    'phrasebank-test': select(corpus, 'phrasebank', 'test'),
    tweeteval: select(corpus, 'tweeteval', 'test'),
  };
}

/** Validation score that picks the default and the training epoch: airline first, business text not sacrificed. */
export function selectionScore(m: Record<'airline-validation' | 'phrasebank-validation', { macroF1: number }>): number {
  return m['airline-validation'].macroF1 + 0.5 * m['phrasebank-validation'].macroF1;
}
