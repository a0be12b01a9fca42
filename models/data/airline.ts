import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { LABELS, type Label } from '../tokenizer/index.js';
import { splitOf } from './bucket.js';
import type { Example } from './example.js';

/**
 * Twitter US Airline Sentiment (`airline-tweets/Tweets.csv`): repeated `tweet_id`s dropped (first kept), split by
 * sha1 of the id as written.
 */
export function loadAirline(dataDir: string): Example[] {
  const rows = parse(readFileSync(path.join(dataDir, 'airline-tweets', 'Tweets.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const row of rows) {
    const id = row.tweet_id!;
    if (seen.has(id)) continue;
    seen.add(id);
    const label = row.airline_sentiment as Label;
    if (!LABELS.includes(label)) throw new Error(`rapport/models: airline tweet ${id} has label "${label}".`);
    const agreement = Number(row.airline_sentiment_confidence || NaN); // a missing value is no weight, not weight 0
    const known = agreement > 0 && agreement <= 1;
    out.push({ text: row.text!, label, source: 'airline', split: splitOf(id), ...(known ? { agreement } : {}) });
  }
  return out;
}
