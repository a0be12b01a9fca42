import type { HashingOptions } from './hashing.js';
import type { Lexicon } from './lexicon.js';
import type { PieceVocab } from './pieces.js';

/** Class labels in the order of every model's probability output. */
export const LABELS = ['negative', 'neutral', 'positive'] as const;
export type Label = (typeof LABELS)[number];

/** Everything needed to turn texts into model inputs; stored as a model's `vocab.json`. */
export interface EncoderConfig {
  format: 'rapport-vocab/1';
  labels: readonly Label[];
  /** Most word ids per text; longer texts are truncated. */
  maxLen: number;
  /**
   * `fixed`: every text is padded to `maxLen` (recurrent models, so a text's result never depends on its batch);
   * `longest`: padded to the longest text of the batch (pooled models, which ignore padding).
   */
  padding: 'fixed' | 'longest';
  /** Minimum count a training token needed to enter the vocabulary. */
  minCount: number;
  /** Hashed n-gram features (model input `grams`), or null when the model takes word ids only. */
  hashing: HashingOptions | null;
  /** Per-token lexicon valence ids (model input `lex`), or absent / null when the model takes none. */
  lexicon?: Lexicon | null;
  /** Sentence pieces of the raw text (model input `pieces`, padded with -1), or absent / null when the model reads none. */
  pieces?: PieceVocab | null;
  /** tokens[id]. */
  tokens: readonly string[];
}
