import { createHash } from 'node:crypto';
import type { Split } from './example.js';

/** Split of the spec: first byte of sha1(key as UTF-8) mod 10 — 0–6 train, 7 validation, 8–9 test. */
export function splitOf(key: string): Split {
  const b = createHash('sha1').update(key, 'utf8').digest()[0]! % 10;
  return b <= 6 ? 'train' : b === 7 ? 'validation' : 'test';
}
