import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this file). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared, read-only data sets, read in place and never copied into the repository. */
export function sharedDataDir(): string {
  return process.env.RAPPORT_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
}

export function hasSharedData(): boolean {
  return existsSync(path.join(sharedDataDir(), 'airline-tweets', 'Tweets.csv'));
}
