import { describe, expect, it } from 'vitest';
import { parseTtl } from './token';

describe('parseTtl', () => {
  it('reads seconds and minutes up to 15 minutes, and refuses anything else', () => {
    expect([parseTtl('15m'), parseTtl('300s'), parseTtl('60'), parseTtl(' 2m ')]).toEqual([900, 300, 60, 120]);
    for (const bad of ['16m', '1h', '0', '-5s', 'soon', '901']) expect(() => parseTtl(bad)).toThrow(/--ttl must be/);
  });
});
