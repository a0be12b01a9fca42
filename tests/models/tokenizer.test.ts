import { describe, expect, it } from 'vitest';
import {
  buildVocab, decodeEntities, encode, hashFeatures, HASHING_DEFAULTS, normalize, tokenize, UNK_ID,
} from '../../models/tokenizer/index.js';

describe('tokenizer', () => {
  it('normalises case, URLs, handles, numbers, entities and elongations', () => {
    expect(tokenize('@United Thanks!!!! soooo GOOD &amp; see http://t.co/x1 at 10:30 #fail')).toEqual([
      '<user>', 'thanks', '!', '!', 'soo', 'good', '&', 'see', '<url>', 'at', '<num>', '#', 'fail',
    ]);
  });

  it('keeps emoji (with modifiers and flags) as tokens and applies NFKC', () => {
    expect(tokenize('ＡＢＣ 👍🏽 🇺🇸 😡😡')).toEqual(['abc', '👍🏽', '🇺🇸', '😡', '😡']);
  });

  it('keeps contractions and does not take e-mail addresses for handles', () => {
    expect(tokenize('Don’t mail a@b.com')).toEqual(["don't", 'mail', 'a', '@', 'b', '.', 'com']);
  });

  it('decodes numeric and named entities once and leaves unknown ones', () => {
    expect(decodeEntities('&lt;b&gt; &#39;x&#x27; &amp;lt; &bogus;')).toBe("<b> 'x' &lt; &bogus;");
  });

  it('survives control characters, lone surrogates and huge inputs', () => {
    expect(tokenize('\u0000\ud800ok\uffff')).toEqual(['ok']);
    expect(normalize('a'.repeat(1 << 20)).length).toBeLessThanOrEqual(8192);
  });

  it('builds the vocabulary from counts with pad 0 and unk 1', () => {
    const vocab = buildVocab([['a', 'b', 'a'], ['a', 'c', 'b']], 2);
    expect(vocab.tokens).toEqual(['<pad>', '<unk>', 'a', 'b']);
    expect([...encode('A b zzz', vocab, 2)]).toEqual([2, 3]);
    expect([...encode('zzz', vocab, 8)]).toEqual([UNK_ID]);
  });

  it('hashes n-grams deterministically into 1..buckets', () => {
    const f = hashFeatures(['good', 'flight'], HASHING_DEFAULTS);
    expect([...f]).toEqual([...hashFeatures(['good', 'flight'], HASHING_DEFAULTS)]);
    expect(Math.min(...f)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...f)).toBeLessThanOrEqual(HASHING_DEFAULTS.buckets);
  });
});
