/**
 * Hashed n-gram features for the `fast` model (fastText-style): word bigrams and character n-grams of each word
 * (with `<`/`>` boundary marks) hashed into `buckets` ids, 1..buckets, with 0 left for padding.
 */
export interface HashingOptions {
  /** Number of hash buckets. @default 65536 */
  buckets: number;
  /** Smallest character n-gram. @default 3 */
  minN: number;
  /** Largest character n-gram. @default 5 */
  maxN: number;
  /** Include word bigrams. @default true */
  wordBigrams: boolean;
  /** Most features kept per text (the rest are dropped, in text order). @default 1024 */
  maxFeatures: number;
}

export const HASHING_DEFAULTS: HashingOptions = { buckets: 65536, minN: 3, maxN: 5, wordBigrams: true, maxFeatures: 1024 };

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function isWord(token: string): boolean {
  return token.length > 1 && !token.startsWith('<');
}

/** Feature ids for a token sequence. */
export function hashFeatures(tokens: readonly string[], opts: HashingOptions = HASHING_DEFAULTS): Int32Array {
  const out: number[] = [];
  const add = (s: string): boolean => {
    out.push(1 + (fnv1a(s) % opts.buckets));
    return out.length < opts.maxFeatures;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (opts.wordBigrams && i + 1 < tokens.length && !add(`${t} ${tokens[i + 1]}`)) break;
    if (!isWord(t)) continue;
    const chars = Array.from(`<${t}>`);
    let full = true;
    for (let n = opts.minN; n <= opts.maxN && full; n++) {
      for (let j = 0; j + n <= chars.length && full; j++) full = add(chars.slice(j, j + n).join(''));
    }
    if (!full) break;
  }
  return Int32Array.from(out);
}
