import { SENTIMENTS, type CustomerRecord, type InteractionRecord } from '../types';
import { columnIndexes, csvHeader, hasLineAfterHeader, lacking } from './csv-header';
import { DateCache } from './dates';
import { csvRows } from './csv-rows';
import type { AnyRecord, FormatReader } from './format';
import { nonBlank, oneOf, optional, required, toDate, toNumber } from './values';

/**
 * Twitter US Airline Sentiment (CrowdFlower, Kaggle `Tweets.csv`): tweets to US airlines, each labelled by
 * crowd workers. Read as inbound social interactions whose author is the customer.
 */
const COLUMNS = [
  'tweet_id', 'airline_sentiment', 'name', 'text', 'tweet_created',
  'airline', 'negativereason', 'retweet_count', 'tweet_location', 'user_timezone',
] as const;
const REQUIRED = ['tweet_id', 'airline_sentiment', 'name', 'text', 'tweet_created'] as const;
/** Kept as interaction attributes when not empty. */
const ATTRIBUTES = ['airline', 'negativereason', 'retweet_count', 'tweet_location', 'user_timezone'] as const;

export const airlineTweets: FormatReader = {
  name: 'airline-tweets',
  kinds: ['interactions', 'customers'],
  misfit: (head) => lacking(csvHeader(head), REQUIRED),
  hasRows: hasLineAfterHeader,
  read: (lines, kind) => csvRows<AnyRecord>(lines, kind === 'customers' ? authorMapper : tweetMapper),
};

function tweetMapper(header: string[]): (fields: string[]) => InteractionRecord {
  const at = columnIndexes(header, COLUMNS);
  // The file repeats some tweet_ids (14,640 rows, 14,485 ids). The n-th repeat becomes `id~n`, so every row is
  // kept and a re-import hits the same keys. One Map entry per distinct id.
  const repeats = new Map<string, number>();
  const dates = new DateCache();
  return (f) => {
    const id = required(f[at.tweet_id], 'tweet_id', at.tweet_id + 1);
    const n = (repeats.get(id) ?? 0) + 1;
    repeats.set(id, n);
    const sentiment = required(f[at.airline_sentiment], 'airline_sentiment', at.airline_sentiment + 1);
    const goldLabel = oneOf(sentiment, SENTIMENTS, 'airline_sentiment', at.airline_sentiment + 1);
    const author = required(f[at.name], 'name', at.name + 1);
    const text = nonBlank(f[at.text], 'text', at.text + 1);
    const occurredAt = toDate(f[at.tweet_created], 'tweet_created', at.tweet_created + 1, dates);
    const attributes: Record<string, unknown> = {};
    for (const name of ATTRIBUTES) {
      const value = at[name] < 0 ? null : optional(f[at[name]]);
      if (value === null) continue;
      attributes[name] = name === 'retweet_count' ? toNumber(value, name, at[name] + 1) : value;
    }
    return {
      externalId: n === 1 ? id : `${id}~${n}`,
      channel: 'social',
      direction: 'inbound',
      occurredAt,
      text,
      author,
      customerExternalId: author,
      customer: { name: author, handle: author },
      goldLabel,
      attributes,
    };
  };
}

/** One customer per distinct author (`name`), at the first tweet. */
function authorMapper(header: string[]): (fields: string[]) => CustomerRecord | null {
  const at = columnIndexes(header, COLUMNS);
  const seen = new Set<string>();
  return (f) => {
    const author = required(f[at.name], 'name', at.name + 1);
    if (seen.has(author)) return null;
    seen.add(author);
    return { externalId: author, name: author, handle: author };
  };
}
