import { describe, expect, it } from 'vitest';
import { contrastRatio, legibleFill, readableOn } from './contrast.js';
import { defaultInterpolator } from './color.js';

describe('readableOn', () => {
  it('puts dark text on pale fills and white text on deep ones', () => {
    expect(readableOn('rgb(237, 248, 177)')).toBe('#0f1720');
    expect(readableOn('#253494')).toBe('#ffffff');
    expect(readableOn('not a colour')).toBe('#0f1720');
  });
});

describe('legibleFill', () => {
  it('gives every value of the default ramp text with at least 4.5:1 contrast (WCAG AA)', () => {
    const worst = { t: -1, ratio: Infinity };
    for (let i = 0; i <= 1000; i++) {
      const t = i / 1000;
      const { fill, ink } = legibleFill(defaultInterpolator(t));
      const ratio = contrastRatio(fill, ink);
      if (ratio < worst.ratio) Object.assign(worst, { t, ratio });
    }
    expect(worst.ratio, `worst at t = ${worst.t}`).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves fills that already reach 4.5:1 unchanged', () => {
    expect(legibleFill('rgb(237, 248, 177)')).toEqual({ fill: 'rgb(237, 248, 177)', ink: '#0f1720' });
    expect(legibleFill('#253494')).toEqual({ fill: '#253494', ink: '#ffffff' });
  });
});
