import type { Encoded } from '../tokenizer/index.js';
import type { TokenWeight } from './types.js';

/** Attention over token positions, renormalised over the text's real tokens. */
export function attentionExplanation(encoded: Encoded, row: Float32Array): TokenWeight[] {
  const n = encoded.tokens.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += row[i] ?? 0;
  return encoded.tokens.map((token, i) => ({ token, weight: sum > 0 ? (row[i] ?? 0) / sum : 0 }));
}

/** Texts with one token left out each, for occlusion explanations. */
export function occlusions(tokens: readonly string[]): string[][] {
  return tokens.map((_, i) => [...tokens.slice(0, i), ...tokens.slice(i + 1)]);
}

/**
 * Weight of token i = log p(label | text) − log p(label | text without token i): positive when the token supports the
 * predicted label. Log-probabilities keep the weights readable when a model is very sure.
 */
export function occlusionExplanation(tokens: readonly string[], full: number, without: readonly number[]): TokenWeight[] {
  const log = (p: number) => Math.log(Math.max(p, 1e-12));
  return tokens.map((token, i) => ({ token, weight: log(full) - log(without[i] ?? full) }));
}
