import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LABELS, type Label } from '../tokenizer/index.js';
import { splitOf } from './bucket.js';
import type { Example } from './example.js';

/**
 * The subset used: `Sentences_50Agree.txt` (4,846 sentences, majority label) rather than AllAgree (2,264): twice the
 * business text to learn from, and its ambiguous sentences are what CRM notes look like.
 */
export const PHRASEBANK_FILE = 'Sentences_50Agree.txt';

/**
 * Financial PhraseBank v1.0: Latin-1, CRLF, `sentence@label` split on the last `@`. Repeated sentences dropped
 * (first kept); split by sha1 of the decoded sentence's UTF-8 bytes, with the spec's buckets.
 */
export function loadPhrasebank(dataDir: string, file = PHRASEBANK_FILE): Example[] {
  const text = readFileSync(path.join(dataDir, 'financial-phrasebank', file)).toString('latin1');
  const seen = new Set<string>();
  const out: Example[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = line.lastIndexOf('@');
    const sentence = line.slice(0, at);
    const label = line.slice(at + 1).trim() as Label;
    if (at < 0 || !LABELS.includes(label)) throw new Error(`rapport/models: ${file} line ${i + 1} has no valid label.`);
    if (seen.has(sentence)) return;
    seen.add(sentence);
    out.push({ text: sentence, label, source: 'phrasebank', split: splitOf(sentence) });
  });
  return out;
}
