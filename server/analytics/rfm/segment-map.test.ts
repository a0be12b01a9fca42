import { describe, expect, it } from 'vitest';
import { computeRfm } from './rfm';
import { RfmError } from './errors';
import { DEFAULT_SEGMENT_MAP, segmentMapFromPatterns } from './patterns';
import { compileSegmentMap, segmentIndex, validateSegmentMap, type SegmentMap } from './segment-map';
import * as F from './testing/fixtures';

/** The paper's map as its regex dict applies it: every pattern against the two-digit "RF" string, first wins. */
function byRegex(r: number, f: number): string {
  const map: [RegExp, string][] = [
    [/[1-2][1-2]/, 'hibernating'],
    [/[1-2][3-4]/, 'at_risk'],
    [/[1-2]5/, 'cant_lose'],
    [/3[1-2]/, 'about_to_sleep'],
    [/33/, 'need_attention'],
    [/[3-4][4-5]/, 'loyal_customers'],
    [/41/, 'promising'],
    [/51/, 'new_customers'],
    [/[4-5][2-3]/, 'potential_loyalists'],
    [/5[4-5]/, 'champions'],
  ];
  return map.find(([re]) => re.test(`${r}${f}`))![1];
}

describe('segment maps', () => {
  it('the default map is the paper regex map on every R, F (and ignores M)', () => {
    const compiled = compileSegmentMap(DEFAULT_SEGMENT_MAP);
    expect(compiled.names).toEqual([
      'hibernating', 'at_risk', 'cant_lose', 'about_to_sleep', 'need_attention',
      'loyal_customers', 'promising', 'new_customers', 'potential_loyalists', 'champions',
    ]);
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) expect(compiled.names[segmentIndex(compiled, r, f, m)]).toBe(byRegex(r, f));
  });

  it('a custom map: first match wins, rules may share a name, a fallback catches the rest', () => {
    const map: SegmentMap = {
      rules: [
        { name: 'vip', r: [4, 5], f: 5, m: 5 },
        { name: 'big_spenders', m: [4, 5] },
        { name: 'vip', r: 5, f: 5 },
      ],
      fallback: 'others',
    };
    const compiled = compileSegmentMap(map);
    expect(compiled.names).toEqual(['vip', 'big_spenders', 'others']);
    const name = (r: number, f: number, m: number) => compiled.names[segmentIndex(compiled, r, f, m)];
    expect(name(4, 5, 5)).toBe('vip');
    expect(name(4, 5, 4)).toBe('big_spenders');
    expect(name(5, 5, 1)).toBe('vip');
    expect(name(1, 1, 1)).toBe('others');

    const result = computeRfm(F.activityOf(F.BOUNDARY_TIES).activity, { segmentMap: map });
    expect(result.segmentNames).toEqual(['vip', 'big_spenders', 'others']);
    // From the pandas scores: 101 (5,5,5) and 103 (4,5,5) are vip; 102 (5,4,4) big; the other seven are others.
    expect(result.segments.map((s) => s.customerCount)).toEqual([2, 1, 7]);
    expect(result.segments.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 12);
  });

  it('patterns may cover R, F and M', () => {
    const map = segmentMapFromPatterns([['5[4-5][4-5]', 'top'], ['[1-5][1-5][1-5]', 'rest']]);
    expect(map.rules[0]).toEqual({ name: 'top', r: [5, 5], f: [4, 5], m: [4, 5] });
    const compiled = compileSegmentMap(map);
    expect(compiled.names[segmentIndex(compiled, 5, 4, 5)]).toBe('top');
    expect(compiled.names[segmentIndex(compiled, 5, 4, 3)]).toBe('rest');
  });

  it('rejects unusable maps with a reason', () => {
    const bad: [unknown, RegExp][] = [
      [{ rules: [] }, /at least one rule/],
      [{ rules: [{ name: 'a', r: [1, 4] }] }, /no rule matches R,F,M = 5,1,1; add a rule or a fallback/],
      [{ rules: [{ name: 'a', r: [3, 2] }], fallback: 'b' }, /rule 1 \(r\): a score range must be integers 1-5/],
      [{ rules: [{ name: 'a', f: 6 }], fallback: 'b' }, /rule 1 \(f\)/],
      [{ rules: [{ name: 'a', m: 2.5 }], fallback: 'b' }, /rule 1 \(m\)/],
      [{ rules: [{ name: 'has space' }] }, /rule 1: a segment name must be an identifier/],
      [{ rules: [{ name: 'a' }], fallback: '' }, /fallback: a segment name/],
    ];
    for (const [map, message] of bad) {
      expect(() => validateSegmentMap(map as SegmentMap)).toThrow(RfmError);
      expect(() => validateSegmentMap(map as SegmentMap)).toThrow(message);
    }
    expect(() => segmentMapFromPatterns([['[1-2]', 'x']])).toThrow(/must have 2 \(R, F\) or 3/);
    expect(() => segmentMapFromPatterns([['[2-1]5', 'x']])).toThrow(/neither a score 1-5 nor a class/);
    expect(() => segmentMapFromPatterns([['0[1-5]', 'x']])).toThrow(/rapport\/rfm: pattern "0\[1-5\]"/);
  });
});
