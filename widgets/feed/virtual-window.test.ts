import { describe, expect, it } from 'vitest';
import { layoutRows, rowAt, visibleRange } from './virtual-window.js';

describe('virtual window', () => {
  it('finds rows by offset with uneven heights', () => {
    const layout = layoutRows(10_000, (i) => (i === 2 ? 150 : 80));
    expect(layout.offsets[10_000]).toBe(10_000 * 80 + 70);
    expect(rowAt(layout, 0)).toBe(0);
    expect(rowAt(layout, 239)).toBe(2);
    expect(rowAt(layout, 310)).toBe(3);
    expect(visibleRange(layout, 0, 400, 2)).toEqual([0, 7]);
    expect(visibleRange(layout, 80 * 9000, 400, 0)[0]).toBe(8999);
    expect(visibleRange(layoutRows(0, () => 80), 0, 400)).toEqual([0, 0]);
  });
});
