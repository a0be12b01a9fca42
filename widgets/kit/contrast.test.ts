import { describe, expect, it } from 'vitest';
import { readableOn } from './contrast.js';

describe('readableOn', () => {
  it('puts dark text on pale fills and white text on deep ones', () => {
    expect(readableOn('rgb(237, 248, 177)')).toBe('#0f1720');
    expect(readableOn('#253494')).toBe('#ffffff');
    expect(readableOn('not a colour')).toBe('#0f1720');
  });
});
