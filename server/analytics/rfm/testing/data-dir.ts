/**
 * Where the shared real data sets live, for tests. Stand-in until a shared `tests/support/data.ts` exists:
 * `RAPPORT_DATA_SETS`, else `/work/shared/data`. Tests that need a data set skip with a message when it is
 * absent, except under CI (`process.env.CI`), where its absence fails the test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function dataDir(): string {
  return process.env.RAPPORT_DATA_SETS ?? '/work/shared/data';
}

/** The path of a data set file, or null (with a console note) when it is absent outside CI; throws under CI. */
export function dataFile(...parts: string[]): string | null {
  const file = path.join(dataDir(), ...parts);
  if (existsSync(file)) return file;
  const message = `data set file ${file} is absent (set RAPPORT_DATA_SETS to the shared data directory)`;
  if (process.env.CI) throw new Error(`rapport/tests: ${message}`);
  console.warn(`skipping: ${message}`);
  return null;
}
