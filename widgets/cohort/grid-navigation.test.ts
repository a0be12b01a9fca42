import { describe, expect, it } from 'vitest';
import { nextCell } from './grid-navigation.js';

const TRIANGLE = [4, 3, 2, 1];

describe('nextCell', () => {
  it('moves within the triangle and never onto an empty position', () => {
    expect(nextCell('ArrowRight', { row: 0, col: 3 }, TRIANGLE)).toEqual({ row: 0, col: 3 });
    expect(nextCell('ArrowDown', { row: 0, col: 3 }, TRIANGLE)).toEqual({ row: 1, col: 2 });
    expect(nextCell('ArrowUp', { row: 0, col: 1 }, TRIANGLE)).toEqual({ row: 0, col: 1 });
    expect(nextCell('ArrowLeft', { row: 2, col: 0 }, TRIANGLE)).toEqual({ row: 2, col: 0 });
    expect(nextCell('End', { row: 1, col: 0 }, TRIANGLE)).toEqual({ row: 1, col: 2 });
    expect(nextCell('Home', { row: 1, col: 2 }, TRIANGLE)).toEqual({ row: 1, col: 0 });
    expect(nextCell('PageDown', { row: 0, col: 2 }, TRIANGLE)).toEqual({ row: 3, col: 0 });
    expect(nextCell('PageUp', { row: 3, col: 0 }, TRIANGLE)).toEqual({ row: 0, col: 0 });
    expect(nextCell('x', { row: 0, col: 0 }, TRIANGLE)).toBeUndefined();
  });
});
