import { classify } from '../kit/classify.js';
import type { LocalClassifyOptions } from '../kit/classify.js';
import type { FeedItem } from './types.js';

/**
 * Labels items that have no sentiment with the in-browser model, a batch at a time, newest first. `apply` gets
 * each batch's labelled copies; `isCurrent` stops the work when the feed has moved on (new data or disconnected).
 */
export async function labelLocally(
  items: readonly FeedItem[], options: LocalClassifyOptions, apply: (labelled: FeedItem[]) => void, isCurrent: () => boolean,
): Promise<void> {
  const todo = items.filter((i) => !i.sentiment);
  for (let start = 0; start < todo.length && isCurrent(); start += 64) {
    const batch = todo.slice(start, start + 64);
    const out = await classify(batch.map((i) => i.text), options);
    if (!isCurrent()) return;
    apply(batch.map((item, k) => ({ ...item, sentiment: { label: out[k]!.label, probabilities: out[k]!.probabilities, modelId: `${out[k]!.modelId} (local)` } })));
  }
}
