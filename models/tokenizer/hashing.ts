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
  /** Include each token itself (hashed, so words outside the vocabulary count too). @default false */
  wordUnigrams?: boolean;
  /** Keep each feature id once, in ascending order (binary features for the linear model). @default false */
  distinct?: boolean;
}

export const HASHING_DEFAULTS: HashingOptions = { buckets: 65536, minN: 3, maxN: 5, wordBigrams: true, maxFeatures: 1024 };

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** Continues a 32-bit FNV-1a hash (not yet made unsigned) over the UTF-16 code units of `s`. */
function fnvAdd(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  return fnvAdd(FNV_BASIS, s) >>> 0;
}

function isWord(token: string): boolean {
  return token.length > 1 && !token.startsWith('<');
}

let starts = new Int32Array(64);
let hashes = new Int32Array(256);

/**
 * Offsets of the code points of `s` (plus its length) in a scratch array, so n-grams never split a surrogate pair;
 * returns the number of code points.
 */
function codePointStarts(s: string): number {
  if (starts.length < s.length + 1) starts = new Int32Array(2 * s.length + 2);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    starts[n++] = i;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
  }
  starts[n] = s.length;
  return n;
}

/**
 * Feature ids for a token sequence. Each character n-gram is hashed as `fnv1a` of its text, computed incrementally
 * from each start position so no n-gram string is built (this is the hot loop of the `fast` model).
 */
export function hashFeatures(tokens: readonly string[], opts: HashingOptions = HASHING_DEFAULTS): Int32Array {
  const out = new Int32Array(opts.maxFeatures);
  // (h >>> 0) % buckets; with a power of two, a mask gives the same value and stays a small integer (no float).
  const mask = opts.buckets - 1;
  const bucket = (opts.buckets & mask) === 0 ? (h: number) => h & mask : (h: number) => (h >>> 0) % opts.buckets;
  let k = 0;
  for (let i = 0; i < tokens.length && k < opts.maxFeatures; i++) {
    const t = tokens[i]!;
    // fnv1a(` ${t}`): the leading space keeps words apart from character n-grams. Hashes continue over the parts, so
    // no joined string is built.
    if (opts.wordUnigrams) out[k++] = 1 + bucket(fnvAdd(Math.imul(FNV_BASIS ^ SPACE, FNV_PRIME), t));
    if (k >= opts.maxFeatures) break;
    if (opts.wordBigrams && i + 1 < tokens.length) {
      out[k++] = 1 + bucket(fnvAdd(Math.imul(fnvAdd(FNV_BASIS, t) ^ SPACE, FNV_PRIME), tokens[i + 1]!));
    }
    if (!isWord(t)) continue;
    const s = `<${t}>`;
    const chars = codePointStarts(s);
    // Each start's hash is extended one code point at a time (n-grams of one start share their prefix), then the
    // n-grams are emitted shortest first, as fnv1a of each n-gram's text would give them.
    const sizes = opts.maxN - opts.minN + 1;
    if (hashes.length < sizes * chars) hashes = new Int32Array(2 * sizes * chars);
    for (let j = 0; j < chars; j++) {
      let h = FNV_BASIS;
      for (let n = 1; n <= opts.maxN && j + n <= chars; n++) {
        for (let u = starts[j + n - 1]!; u < starts[j + n]!; u++) h = Math.imul(h ^ s.charCodeAt(u), FNV_PRIME);
        if (n >= opts.minN) hashes[(n - opts.minN) * chars + j] = h;
      }
    }
    for (let n = opts.minN; n <= opts.maxN; n++) {
      for (let j = 0; j + n <= chars && k < opts.maxFeatures; j++) {
        out[k++] = 1 + bucket(hashes[(n - opts.minN) * chars + j]!);
      }
    }
  }
  return opts.distinct ? distinctSorted(out.subarray(0, k)) : out.slice(0, k);
}

function distinctSorted(ids: Int32Array): Int32Array {
  const sorted = ids.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}
