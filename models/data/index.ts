export { loadAirline } from './airline.js';
export { splitOf } from './bucket.js';
export { loadCorpus, select } from './corpus.js';
export type { Example, Source, Split } from './example.js';
export { hasSharedData, repoRoot, sharedDataDir } from './paths.js';
export { loadPhrasebank, PHRASEBANK_FILE } from './phrasebank.js';
export { loadTweetEval } from './tweeteval.js';
