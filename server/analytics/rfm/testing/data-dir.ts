/**
 * Data set files for the analytics tests, found where every test finds them (`dataDir` in tests/support/data.ts).
 * Tests that need a data set skip with a message when it is absent, except under CI (`process.env.CI`), where its
 * absence fails the test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../../../../tests/support/data';

/** The path of a data set file, or null (with a console note) when it is absent outside CI; throws under CI. */
export function dataFile(...parts: string[]): string | null {
  const file = path.join(dataDir(), ...parts);
  if (existsSync(file)) return file;
  const message = `data set file ${file} is absent (set RAPPORT_SHARED_DATA to the shared data directory)`;
  if (process.env.CI) throw new Error(`rapport/tests: ${message}`);
  console.warn(`skipping: ${message}`);
  return null;
}
