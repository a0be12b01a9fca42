import type { EncoderConfig } from './config.js';
import { hashFeatures } from './hashing.js';
import { lexIds } from './lexicon.js';
import { encodePieces } from './pieces.js';
import { tokenize } from './tokenize.js';
import { UNK_ID, type Vocab } from './vocab.js';

/** Word ids of one text, truncated to `maxLen` (no padding). */
export function encode(text: string, vocab: Vocab, maxLen: number): Int32Array {
  return idsOf(tokenize(text), vocab, maxLen);
}

export function idsOf(tokens: readonly string[], vocab: Vocab, maxLen: number): Int32Array {
  const n = Math.min(tokens.length, maxLen);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = vocab.index.get(tokens[i]!) ?? UNK_ID;
  return ids;
}

/** One text's model inputs before padding. */
export interface Encoded {
  tokens: string[];
  ids: Int32Array;
  grams: Int32Array | null;
  /** Lexicon valence ids, one per kept token, or null when the encoder has no lexicon. */
  lex: Int32Array | null;
  /** Sentence-piece ids of the raw text, or null when the encoder has no piece vocabulary. */
  pieces: Int32Array | null;
}

export function encodeText(text: string, vocab: Vocab, config: EncoderConfig): Encoded {
  return encodeKept(tokenize(text), vocab, config, text);
}

/**
 * Model inputs of an already tokenised text (truncated to `maxLen` tokens). Sentence pieces, which are cut from raw
 * text, are cut from the tokens joined by spaces: that is what an occlusion explanation varies.
 */
export function encodeTokens(tokens: readonly string[], vocab: Vocab, config: EncoderConfig): Encoded {
  return encodeKept(tokens, vocab, config, null);
}

function encodeKept(tokens: readonly string[], vocab: Vocab, config: EncoderConfig, raw: string | null): Encoded {
  const kept = tokens.slice(0, config.maxLen);
  const ids = idsOf(kept, vocab, config.maxLen);
  const grams = config.hashing ? hashFeatures(kept, config.hashing) : null;
  const lex = config.lexicon ? lexIds(kept, config.lexicon) : null;
  const pieces = config.pieces ? encodePieces(raw ?? kept.join(' '), config.pieces) : null;
  return { tokens: kept, ids, grams, lex, pieces };
}

/** A padded batch as row-major int32 tensors, ready for onnxruntime (the models take int32 ids). */
export interface EncodedBatch {
  ids: { data: Int32Array; dims: [number, number] };
  grams: { data: Int32Array; dims: [number, number] } | null;
  /** Lexicon ids, padded like `ids`. */
  lex: { data: Int32Array; dims: [number, number] } | null;
  /** Sentence-piece ids, padded with -1 to the longest row. */
  pieces: { data: Int32Array; dims: [number, number] } | null;
}

/** Value that pads sentence pieces (0 is a piece: the unknown one). */
const PIECE_PAD = -1;

function pad(rows: readonly Int32Array[], width: number, fill = 0): { data: Int32Array; dims: [number, number] } {
  const data = new Int32Array(rows.length * width).fill(fill);
  rows.forEach((row, r) => data.set(row.length > width ? row.subarray(0, width) : row, r * width));
  return { data, dims: [rows.length, width] };
}

/** Pads encoded texts to one batch: to `maxLen` or to the longest row, never narrower than `minWidth`. */
export function padBatch(items: readonly Encoded[], config: EncoderConfig, minWidth = 5): EncodedBatch {
  const longest = (rows: readonly Int32Array[]) => Math.max(minWidth, ...rows.map((r) => r.length));
  const ids = items.map((e) => e.ids);
  const width = config.padding === 'fixed' ? Math.max(minWidth, config.maxLen) : longest(ids);
  const grams = config.hashing ? items.map((e) => e.grams ?? new Int32Array(0)) : null;
  const lex = config.lexicon ? pad(items.map((e) => e.lex ?? new Int32Array(0)), width) : null;
  const pieces = config.pieces ? items.map((e) => e.pieces ?? new Int32Array(0)) : null;
  return {
    ids: pad(ids, width), grams: grams ? pad(grams, longest(grams)) : null, lex,
    pieces: pieces ? pad(pieces, Math.max(1, ...pieces.map((r) => r.length)), PIECE_PAD) : null,
  };
}
