import type { RateLimitOptions } from '../plugins/use-rate-limit';

/** `RATE/BURST`, e.g. `50/200`: requests per second sustained, and at once after being idle. */
const PAIR = /^(\d+(?:\.\d+)?)\/(\d+)$/;

export class RateLimitSettingError extends Error {
  override readonly name = 'RateLimitSettingError';
}

/**
 * The rate limits `rapport serve` takes from `RAPPORT_RATE_LIMIT_KEY`, `RAPPORT_RATE_LIMIT_TOKEN` and
 * `RAPPORT_RATE_LIMIT_KEY_TOKENS` (each `RATE/BURST`); unset ones keep their defaults.
 */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const options: RateLimitOptions = {};
  const settings = [['RAPPORT_RATE_LIMIT_KEY', 'key'], ['RAPPORT_RATE_LIMIT_TOKEN', 'token'], ['RAPPORT_RATE_LIMIT_KEY_TOKENS', 'keyTokens']] as const;
  for (const [name, kind] of settings) {
    const value = env[name];
    if (value === undefined) continue;
    const match = PAIR.exec(value.trim());
    const rate = Number(match?.[1]);
    const burst = Number(match?.[2]);
    if (!match || rate <= 0 || burst < 1) {
      throw new RateLimitSettingError(`${name} must be RATE/BURST with RATE > 0 and BURST ≥ 1 (e.g. 50/200), not "${value}".`);
    }
    options[`${kind}Rate`] = rate;
    options[`${kind}Burst`] = burst;
  }
  return options;
}
