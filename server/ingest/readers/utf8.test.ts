import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterColumn, firstInvalidUtf8 } from './utf8';

describe('firstInvalidUtf8', () => {
  it('agrees with the native validator on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(firstInvalidUtf8(bytes) === -1).toBe(isUtf8(bytes));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees on valid text with one byte changed, and everything before the bad byte is valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (text, at, byte) => {
        const bytes = Buffer.from(text);
        bytes[at % bytes.length] = byte;
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(isUtf8(bytes));
        if (bad !== -1) expect(isUtf8(bytes.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('finds nothing wrong in any valid string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => firstInvalidUtf8(Buffer.from(text)) === -1));
  });

  it('points at the first bad byte: stray, truncated, overlong, surrogate', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xff, 0x62]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // € cut short
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong '/'
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });
});

describe('characterColumn', () => {
  it('counts code points, not bytes or UTF-16 units', () => {
    const line = Buffer.concat([Buffer.from('é😀x'), Buffer.from([0xff])]);
    expect(characterColumn(line, line.length - 1)).toBe(4);
  });
});
