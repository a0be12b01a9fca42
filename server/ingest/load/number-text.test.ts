import { describe, expect, it } from 'vitest';
import { numberText } from './number-text';

describe('numberText', () => {
  it('writes the digits String writes, for cents and for everything else', () => {
    const values = [0, -0, 1, -1, 2.55, 2.5, 0.05, -0.05, 15.3, 22, 0.1 + 0.2, 1e-7, 123456.78, -3.1, 1 / 3, 1e21, 2 ** 53, 9.999];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 20_000; i++) {
      values.push(Math.round(random() * 1e6) / 100 - 5000); // cents, as prices and amounts are
      values.push((random() - 0.5) * 10 ** Math.floor(random() * 12)); // anything
    }
    for (const value of values) expect(numberText(value), String(value)).toBe(String(value));
  });

  it('refuses what a numeric column cannot hold', () => {
    expect(() => numberText(Number.NaN)).toThrow(/cannot store the number NaN/);
    expect(() => numberText(Infinity)).toThrow(RangeError);
  });
});
