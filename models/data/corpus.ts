import { loadAirline } from './airline.js';
import type { Example, Source, Split } from './example.js';
import { loadPhrasebank } from './phrasebank.js';
import { sharedDataDir } from './paths.js';
import { loadTweetEval } from './tweeteval.js';

/** Every labelled text the models train and are judged on. TweetEval is only ever in `test`. */
export function loadCorpus(dataDir = sharedDataDir()): Example[] {
  return [...loadAirline(dataDir), ...loadPhrasebank(dataDir), ...loadTweetEval(dataDir)];
}

export function select(corpus: readonly Example[], source: Source, split: Split): Example[] {
  return corpus.filter((e) => e.source === source && e.split === split);
}
