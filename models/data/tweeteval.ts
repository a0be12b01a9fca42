import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LABELS } from '../tokenizer/index.js';
import type { Example } from './example.js';

function lines(file: string): string[] {
  const s = readFileSync(file, 'utf8');
  return (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
}

/** TweetEval sentiment validation + test (0 negative, 1 neutral, 2 positive): cross-domain evaluation only. */
export function loadTweetEval(dataDir: string): Example[] {
  const dir = path.join(dataDir, 'tweeteval-sentiment');
  const out: Example[] = [];
  for (const part of ['val', 'test']) {
    const texts = lines(path.join(dir, `${part}_text.txt`));
    const labels = lines(path.join(dir, `${part}_labels.txt`));
    if (texts.length !== labels.length) throw new Error(`rapport/models: TweetEval ${part} texts and labels differ in count.`);
    texts.forEach((text, i) => {
      const label = LABELS[Number(labels[i])];
      if (!label) throw new Error(`rapport/models: TweetEval ${part} line ${i + 1} has label "${labels[i]}".`);
      out.push({ text, label, source: 'tweeteval', split: 'test' });
    });
  }
  return out;
}
