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

/** Offsets of the code points of `s` (plus its length), so n-grams never split a surrogate pair. */
function codePointStarts(s: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    starts.push(i);
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
  }
  starts.push(s.length);
  return starts;
}

/**
 * Feature ids for a token sequence. Each character n-gram is hashed as `fnv1a` of its text, computed incrementally
 * from each start position so no n-gram string is built (this is the hot loop of the `fast` model).
 */
export function hashFeatures(tokens: readonly string[], opts: HashingOptions = HASHING_DEFAULTS): Int32Array {
  const out = new Int32Array(opts.maxFeatures);
  let k = 0;
  for (let i = 0; i < tokens.length && k < opts.maxFeatures; i++) {
    const t = tokens[i]!;
    if (opts.wordBigrams && i + 1 < tokens.length) out[k++] = 1 + (fnv1a(`${t} ${tokens[i + 1]}`) % opts.buckets);
    if (!isWord(t)) continue;
    const s = `<${t}>`;
    const cps = codePointStarts(s);
    const chars = cps.length - 1;
    for (let n = opts.minN; n <= opts.maxN; n++) {
      for (let j = 0; j + n <= chars && k < opts.maxFeatures; j++) {
        let h = 0x811c9dc5;
        for (let u = cps[j]!; u < cps[j + n]!; u++) h = Math.imul(h ^ s.charCodeAt(u), 0x01000193);
        out[k++] = 1 + ((h >>> 0) % opts.buckets);
      }
    }
  }
  return out.slice(0, k);
}
