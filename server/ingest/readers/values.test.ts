import { describe, expect, it } from 'vitest';
import { LineCounter } from './values';

describe('LineCounter', () => {
  it('numbers the lines of each key, also when a key comes back after others', () => {
    const lines = new LineCounter();
    const keys = ['A', 'A', 'B', 'A', 'C', 'B', 'B', 'A'];
    expect(keys.map((k) => lines.next(k))).toEqual([1, 2, 1, 3, 1, 2, 3, 4]);
  });
});
