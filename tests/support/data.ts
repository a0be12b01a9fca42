import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { sharedDataDir } from '../../models/data/paths';

/** The repository root (this file is tests/support/data.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Absolute path of the shared real data sets (read in place, never copied): `RAPPORT_SHARED_DATA`, else
 * `../shared/data` beside the repo — the one rule models/, tests and benches share (`sharedDataDir`).
 */
export const dataDir = sharedDataDir;

/** Absolute path of one data file, e.g. `dataFile('cdnow', 'CDNOW_master.txt')`. */
export function dataFile(...parts: string[]): string {
  return path.join(dataDir(), ...parts);
}

export function hasData(): boolean {
  return existsSync(dataDir());
}

/**
 * A describe block over the real data sets. Without them it is skipped with a message saying why, except in CI
 * (`process.env.CI` set), where missing data is a failure: CI must test on the real files.
 */
export function describeWithData(name: string, fn: (dir: string) => void): void {
  const dir = dataDir();
  if (hasData()) {
    describe(name, () => fn(dir));
  } else if (process.env.CI) {
    describe(name, () => {
      it('has the real data sets', () => {
        throw new Error(`The real data sets are missing at ${dir}; CI must provide them.`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": no real data sets at ${dir}.`);
    describe.skip(`${name} (skipped: no data sets at ${dir})`, () => fn(dir));
  }
}
