import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../models/train/lexicon-source.js';
import {
  buildVocab, encodeText, hashFeatures, LEX_PAD, LEX_ZERO, lexIds, lexValue, padBatch, tokenize, type EncoderConfig,
} from '../../models/tokenizer/index.js';

const lexicon = buildLexicon();
const ids = (text: string) => [...lexIds(tokenize(text), lexicon)].map(lexValue);

describe('lexicon channel', () => {
  it('reads VADER (else AFINN) valences from the installed packages, one token per entry', () => {
    expect(lexicon.quarters.good).toBe(Math.round(1.9 * 4)); // VADER: good 1.9
    expect(lexicon.quarters['😡']).toBeLessThan(0); // AFINN's emoji scores
    expect(lexicon.quarters.i).toBeUndefined(); // ℹ is NFKC "i": not taken
    expect(lexicon.negators).toEqual(expect.arrayContaining(['not', 'never', "don't", 'without']));
    expect(Object.keys(lexicon.quarters).length).toBeGreaterThan(7000);
  });

  it('gives each token its valence, flipped and damped within three tokens after a negator', () => {
    const good = lexicon.quarters.good!;
    expect(ids('good flight')).toEqual([good / 4, 0]);
    expect(ids('not a good flight')).toEqual([0, 0, Math.round(good * -0.74) / 4, 0]);
    expect(ids('never , ever , good')).toEqual([0, 0, 0, 0, good / 4]);
    expect(ids("didn't love it")[1]).toBeLessThan(0);
  });

  it('pads lexicon ids like the word ids and keeps them in 1 … 33', () => {
    const vocab = buildVocab([['good', 'good', 'bad', 'bad']], 2);
    const config: EncoderConfig = {
      format: 'rapport-vocab/1', labels: ['negative', 'neutral', 'positive'], maxLen: 6, padding: 'fixed', minCount: 2,
      hashing: null, lexicon, tokens: vocab.tokens,
    };
    const batch = padBatch([encodeText('so good', vocab, config), encodeText('terrible '.repeat(20), vocab, config)], config);
    expect(batch.lex!.dims).toEqual([2, 6]);
    expect([...batch.lex!.data.subarray(0, 6)]).toEqual([LEX_ZERO, LEX_ZERO + lexicon.quarters.good!, LEX_PAD, LEX_PAD, LEX_PAD, LEX_PAD]);
    expect(Math.min(...batch.lex!.data.subarray(6))).toBeGreaterThanOrEqual(1);
  });

  it('hashes every token once for the linear model', () => {
    const opts = { buckets: 1024, minN: 2, maxN: 5, wordBigrams: true, wordUnigrams: true, distinct: true, maxFeatures: 2048 };
    const f = [...hashFeatures(['good', 'good', '!'], opts)];
    expect(f).toEqual([...new Set(f)].sort((a, b) => a - b));
    expect(f.length).toBeGreaterThan(8);
  });
});
