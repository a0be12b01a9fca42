import { describe, expect, it } from 'vitest';
import { latestSequence } from './sequence.js';

describe('latestSequence', () => {
  it('keeps the largest sequence as a number, ignoring missing and malformed ones', () => {
    expect(latestSequence(undefined)).toBeUndefined();
    expect(latestSequence(undefined, null, '7')).toBe('7');
    expect(latestSequence('9', '10', '8')).toBe('10'); // not string order
    expect(latestSequence('12', undefined, '', 'x1', '-3')).toBe('12');
  });
});
