/**
 * Lexicon knowledge as a model input: each token's prior valence (VADER, else AFINN), flipped and damped when a
 * negator stands shortly before it, quantised to a small id so the models keep int32-only inputs. The valences live
 * in the model's `vocab.json` (`lexicon`), so training, server and browser read the same table. Browser-safe.
 */
export interface Lexicon {
  /** Valence of a token in quarter steps on VADER's scale (−16 … 16 = −4.0 … 4.0); absent tokens are 0. */
  quarters: Readonly<Record<string, number>>;
  /** Tokens that negate the valence of the next `window` tokens (`not`, `never`, …; any token ending in n't too). */
  negators: readonly string[];
  window: number;
}

/** VADER's damping of a negated word (its N_SCALAR). */
export const NEGATION_FACTOR = -0.74;
/** Id of a token without valence; ids run 1 … 2·LEX_ZERO − 1, and 0 pads. */
export const LEX_ZERO = 17;
export const LEX_PAD = 0;

/** The valence (on VADER's −4 … 4 scale) a lexicon id stands for; the models hold the same table. */
export const lexValue = (id: number): number => (id === LEX_PAD ? 0 : (id - LEX_ZERO) / 4);

/** A lexicon prepared for lookups (maps instead of the JSON object); built once per lexicon. */
export interface LexiconIndex {
  quarters: ReadonlyMap<string, number>;
  negators: ReadonlySet<string>;
  window: number;
}

const indexes = new WeakMap<Lexicon, LexiconIndex>();

export function lexiconIndex(lexicon: Lexicon): LexiconIndex {
  let index = indexes.get(lexicon);
  if (!index) {
    index = { quarters: new Map(Object.entries(lexicon.quarters)), negators: new Set(lexicon.negators), window: lexicon.window };
    indexes.set(lexicon, index);
  }
  return index;
}

/** Lexicon ids of a token sequence, one per token (same length as the word ids). */
export function lexIds(tokens: readonly string[], lexicon: Lexicon): Int32Array {
  const { quarters, negators, window } = lexiconIndex(lexicon);
  const out = new Int32Array(tokens.length);
  let negatedUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let q = quarters.get(t) ?? 0;
    if (q !== 0 && i <= negatedUntil) q = Math.round(q * NEGATION_FACTOR);
    out[i] = LEX_ZERO + Math.max(-(LEX_ZERO - 1), Math.min(LEX_ZERO - 1, q));
    if (negators.has(t) || t.endsWith("n't")) negatedUntil = i + window;
  }
  return out;
}
