import { describe, expect, it } from 'vitest';
import { rateLimitFromEnv } from './rate-limit-env';

describe('rate limits from the environment', () => {
  it('reads each RATE/BURST it is given and leaves the rest to the defaults', () => {
    expect(rateLimitFromEnv({})).toEqual({});
    expect(rateLimitFromEnv({ RAPPORT_RATE_LIMIT_KEY: '5/20', RAPPORT_RATE_LIMIT_KEY_TOKENS: ' 0.5/800 ' })).toEqual({
      keyRate: 5, keyBurst: 20, keyTokensRate: 0.5, keyTokensBurst: 800,
    });
  });

  it('refuses what is not RATE/BURST, naming the variable', () => {
    for (const value of ['200', '0/10', '10/0', 'ten/40']) {
      expect(() => rateLimitFromEnv({ RAPPORT_RATE_LIMIT_KEY_TOKENS: value })).toThrow(`RAPPORT_RATE_LIMIT_KEY_TOKENS must be RATE/BURST with RATE > 0 and BURST ≥ 1 (e.g. 50/200), not "${value}".`);
    }
  });
});
