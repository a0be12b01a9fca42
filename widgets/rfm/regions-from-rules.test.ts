import { describe, expect, it } from 'vitest';
import { regionsFromRules } from './regions-from-rules.js';
import { DEFAULT_REGIONS } from './segment-regions.js';

const range = (min: number, max = min) => ({ min, max });

describe('regionsFromRules', () => {
  it('rebuilds the default map from its rules', () => {
    const rules = DEFAULT_REGIONS.map((g) => ({ name: g.name, r: range(...g.r), f: range(...g.f) }));
    const regions = regionsFromRules(rules)!;
    const key = (g: { name: string; r: readonly number[]; f: readonly number[] }) => `${g.name} R${g.r.join('-')} F${g.f.join('-')}`;
    expect(regions.map(key).sort()).toEqual(DEFAULT_REGIONS.map(key).sort());
  });

  it('applies rules in order with a fallback, and merges cells into rectangles', () => {
    const regions = regionsFromRules([{ name: 'best', r: range(5), f: range(4, 5) }, { name: 'recent', r: range(4, 5) }], 'others')!;
    expect(regions.map((g) => `${g.name} R${g.r.join('-')} F${g.f.join('-')}`).sort()).toEqual([
      'best R5-5 F4-5',
      'others R1-3 F1-5',
      'recent R4-4 F4-5',
      'recent R4-5 F1-3',
    ]);
  });

  it('gives up on maps that narrow M or leave cells uncovered', () => {
    expect(regionsFromRules([{ name: 'whales', m: range(5) }], 'rest')).toBeUndefined();
    expect(regionsFromRules([{ name: 'recent', r: range(5) }])).toBeUndefined();
  });
});
