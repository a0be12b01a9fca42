import { existsSync, readFileSync } from 'node:fs';
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
  const agreement = stricterAgreement(dataDir, file);
  const floor = AGREEMENT_FILES.find(([f]) => f === file)?.[1];
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const { sentence, label } of readLines(dataDir, file)) {
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    const level = agreement.get(sentence) ?? floor;
    out.push({ text: sentence, label, source: 'phrasebank', split: splitOf(sentence), ...(level ? { agreement: level } : {}) });
  }
  return out;
}

/** The agreement files, strictest first, with the share of annotators each one requires. */
const AGREEMENT_FILES: readonly [string, number][] = [
  ['Sentences_AllAgree.txt', 1], ['Sentences_75Agree.txt', 0.75], ['Sentences_66Agree.txt', 0.66], [PHRASEBANK_FILE, 0.5],
];

/**
 * The strictest level of each sentence found in a file stricter than `file` (whose own sentences are at least at its
 * level, so it is not read twice); a missing file is skipped, its sentences fall to the next level.
 */
function stricterAgreement(dataDir: string, file: string): Map<string, number> {
  const level = new Map<string, number>();
  for (const [stricter, share] of AGREEMENT_FILES) {
    if (stricter === file) break;
    if (!existsSync(path.join(dataDir, 'financial-phrasebank', stricter))) continue;
    for (const { sentence } of readLines(dataDir, stricter)) if (!level.has(sentence)) level.set(sentence, share);
  }
  return level;
}

/** One file's `sentence@label` lines. */
function readLines(dataDir: string, file: string): { sentence: string; label: Label }[] {
  const text = readFileSync(path.join(dataDir, 'financial-phrasebank', file)).toString('latin1');
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    const at = line.lastIndexOf('@');
    const label = line.slice(at + 1).trim() as Label;
    if (at < 0 || !LABELS.includes(label)) throw new Error(`rapport/models: ${file} line ${i + 1} has no valid label.`);
    return [{ sentence: line.slice(0, at), label }];
  });
}
