import { existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../support/data.js';

/**
 * The shared data directory (`tests/support/data.ts`), or null when the sentiment sets are absent (tests then skip
 * with a message). Under CI a missing data set is a failure, never a silent skip.
 */
export function modelDataDir(): string | null {
  const dir = dataDir();
  const ok = ['airline-tweets/Tweets.csv', 'financial-phrasebank/Sentences_50Agree.txt', 'tweeteval-sentiment/test_text.txt']
    .every((f) => existsSync(path.join(dir, f)));
  if (ok) return dir;
  if (process.env.CI) throw new Error(`rapport/models: test data missing at ${dir} (CI must have it).`);
  console.warn(`rapport/models: skipping data-dependent model tests: no sentiment data sets at ${dir}.`);
  return null;
}
