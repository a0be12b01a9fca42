import { airlineTweets } from './airline-tweets';
import { cdnow } from './cdnow';
import { csv } from './csv';
import { edgelist } from './edgelist';
import type { FormatName, FormatReader } from './format';
import { jsonl } from './jsonl';
import { onlineRetail } from './online-retail';

export const FORMATS: Record<FormatName, FormatReader> = {
  'online-retail': onlineRetail,
  cdnow,
  'airline-tweets': airlineTweets,
  edgelist,
  csv,
  jsonl,
};

/** Auto-detection tries formats in this order: the specific ones before generic csv, which fits many headers. */
export const DETECTION_ORDER: readonly FormatName[] = ['jsonl', 'online-retail', 'airline-tweets', 'cdnow', 'edgelist', 'csv'];
