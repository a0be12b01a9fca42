import { describe, expect, it } from 'vitest';
import { DEFAULT_REGIONS } from './segment-regions.js';

/** The spec's rule, written as the spec states it (regexes over the "RF" pair). */
const SPEC: Array<[RegExp, string]> = [
  [/^[1-2][1-2]$/, 'hibernating'],
  [/^[1-2][3-4]$/, 'at_risk'],
  [/^[1-2]5$/, 'cant_lose'],
  [/^3[1-2]$/, 'about_to_sleep'],
  [/^33$/, 'need_attention'],
  [/^[3-4][4-5]$/, 'loyal_customers'],
  [/^41$/, 'promising'],
  [/^51$/, 'new_customers'],
  [/^[4-5][2-3]$/, 'potential_loyalists'],
  [/^5[4-5]$/, 'champions'],
];

describe('DEFAULT_REGIONS', () => {
  it('tiles the 5×5 R×F grid exactly once, as the spec maps each pair', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const covering = DEFAULT_REGIONS.filter((g) => g.r[0] <= r && r <= g.r[1] && g.f[0] <= f && f <= g.f[1]);
        expect(covering.map((g) => g.name)).toEqual([SPEC.find(([re]) => re.test(`${r}${f}`))![1]]);
      }
    }
  });
});
