import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelDir } from '../../models/inference/node.js';
import { encodePieces, MAX_CHARS, type EncoderConfig, type PieceVocab } from '../../models/tokenizer/index.js';

/** A toy vocabulary: id 0 is the unknown piece, 1 is reserved; scores are log-probabilities. */
function toy(entries: [string, number][], maxPieces = 128): PieceVocab {
  return {
    pieces: ['<unk>', '<s>', ...entries.map(([p]) => p)], scores: [0, 0, ...entries.map(([, s]) => s)], reserved: 2, maxPieces,
  };
}
const show = (ids: Int32Array, v: PieceVocab) => [...ids].map((id) => v.pieces[id]);

describe('sentence pieces (models/tokenizer/pieces.ts)', () => {
  it('picks the segmentation with the highest total score', () => {
    const v = toy([['▁', -1], ['x', -1], ['▁x', -5], ['y', -4], ['xy', -2]]);
    expect(show(encodePieces('x', v), v)).toEqual(['▁', 'x']);
    expect(show(encodePieces('xy', v), v)).toEqual(['▁', 'xy']);
    expect(show(encodePieces('x y', v), v)).toEqual(['▁', 'x', '▁', 'y']);
  });

  it('breaks ties towards the piece that starts later, as the encoder does', () => {
    const tie = toy([['▁', -1], ['a', -1], ['b', -1], ['ab', -2]]);
    expect(show(encodePieces('ab', tie), tie)).toEqual(['▁', 'a', 'b']);
    const better = toy([['▁', -1], ['a', -1], ['b', -1], ['ab', -1.9]]);
    expect(show(encodePieces('ab', better), better)).toEqual(['▁', 'ab']);
  });

  it('gives one unknown id to a run of characters no piece starts with', () => {
    const v = toy([['▁', -1], ['a', -1]]);
    expect(show(encodePieces('a€€€a', v), v)).toEqual(['▁', 'a', '<unk>', 'a']);
    expect(show(encodePieces('€ a €', v), v)).toEqual(['▁', '<unk>', '▁', 'a', '▁', '<unk>']);
  });

  it('applies NFKC and keeps case; an empty text has no pieces', () => {
    const v = toy([['▁', -1], ['fi', -1], ['F', -1], ['f', -2], ['i', -2]]);
    expect(show(encodePieces('ﬁ', v), v)).toEqual(['▁', 'fi']);
    expect(show(encodePieces('F', v), v)).toEqual(['▁', 'F']);
    expect(encodePieces('', v)).toHaveLength(0);
  });

  it('keeps the first maxPieces pieces and bounds the work on a 1 MB text', () => {
    const v = toy([['▁', -1], ['a', -1]], 4);
    expect(show(encodePieces('a a a a a', v), v)).toEqual(['▁', 'a', '▁', 'a']);
    const huge = 'a '.repeat(500_000);
    expect(encodePieces(huge, toy([['▁', -1], ['a', -1]], 1e9))).toHaveLength(MAX_CHARS + 1); // '▁' in front, then one piece a character
  });
});

const qualityVocab = path.join(modelDir('quality'), 'vocab.json');

describe.skipIf(!existsSync(qualityVocab))('sentence pieces of the quality model', () => {
  const pieces = () => (JSON.parse(readFileSync(qualityVocab, 'utf8')) as EncoderConfig).pieces!;

  // Ids from the encoder's own tokenizer (@energetic-ai/embeddings 0.2.0, run on these texts); bench/sentence-encoder.ts
  // compares the two on every corpus text.
  it.each([
    ['@united lost my bag AGAIN :(', [2330, 5441, 703, 1064, 69, 2335, 74, 5566, 1495, 4258]],
    ['Thanks, great crew! 😀', [1604, 8, 318, 4525, 78, 30, 0]],
    ['Operating profit rose to EUR 13.1 mn .', [292, 497, 621, 2875, 5368, 10, 184, 3389, 960, 6, 363, 889, 85, 30, 6]],
    ['ﬁne  café', [839, 30, 976, 209, 1133]],
    ['\u0000\u0001§§ ok', [30, 0, 2303]],
  ])('cuts %j as the encoder\'s tokenizer does', (text, ids) => {
    expect([...encodePieces(text, pieces())]).toEqual(ids);
  });

  it('is the 8,000-piece vocabulary the encoder was trained with, read 128 pieces deep', () => {
    const v = pieces();
    expect(v.pieces).toHaveLength(8000);
    expect(v.maxPieces).toBe(128);
    // As the package lists them, but for its null scores (pieces with a colon), read as 0 as its tokenizer does.
    expect(v.scores.every((s) => Number.isFinite(s))).toBe(true);
    expect(v.scores[v.pieces.indexOf(':')]).toBe(0);
  });
});
