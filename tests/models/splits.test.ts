import { describe, expect, it } from 'vitest';
import { loadAirline, loadPhrasebank, loadTweetEval, splitOf } from '../../models/data/index.js';
import { modelDataDir } from './data.js';

const dir = modelDataDir();

describe('splits', () => {
  it('buckets by the first byte of sha1 mod 10', () => {
    expect(['train', 'validation', 'test']).toContain(splitOf('570306133677760513'));
    expect(splitOf('570306133677760513')).toBe(splitOf('570306133677760513'));
  });

  it.skipIf(!dir)('splits the airline tweets as the spec says (14,485 distinct ids; 2,753 test)', () => {
    const all = loadAirline(dir!);
    expect(all).toHaveLength(14_485);
    expect(all.filter((e) => e.split === 'test')).toHaveLength(2_753);
    expect(all.filter((e) => e.split === 'validation')).toHaveLength(1_390);
  });

  it.skipIf(!dir)('reads Financial PhraseBank as Latin-1 with labels after the last @', () => {
    const all = loadPhrasebank(dir!);
    expect(all).toHaveLength(4_838);
    expect(all.some((e) => e.text.includes('\r') || e.text.includes('@'))).toBe(false);
    expect(all.some((e) => /[ñä]/.test(e.text))).toBe(true);
  });

  it.skipIf(!dir)('carries the annotators\' agreement: airline confidence, PhraseBank\'s strictest agreement file', () => {
    const airline = loadAirline(dir!);
    expect(airline.every((e) => e.agreement! > 0 && e.agreement! <= 1)).toBe(true);
    expect(airline.find((e) => e.text.startsWith('@VirginAmerica plus you\'ve added commercials'))?.agreement).toBe(0.3486);
    const counts = new Map<number | undefined, number>();
    for (const e of loadPhrasebank(dir!)) counts.set(e.agreement, (counts.get(e.agreement) ?? 0) + 1);
    // Sentences_AllAgree holds 2,264 lines (a few repeated); every 50Agree sentence has a level.
    expect([...counts.keys()].sort()).toEqual([0.5, 0.66, 0.75, 1]);
    expect(counts.get(1)).toBeGreaterThan(2_200);
    expect(counts.get(1)).toBeLessThanOrEqual(2_264);
  });

  it.skipIf(!dir)('keeps TweetEval for evaluation only', () => {
    const all = loadTweetEval(dir!);
    expect(all).toHaveLength(14_284);
    expect(all.every((e) => e.split === 'test')).toBe(true);
  });
});
