import { writeFileSync } from 'node:fs';
import type { Example } from '../data/index.js';
import { encodeText, LABELS, type EncoderConfig, type Vocab } from '../tokenizer/index.js';

/**
 * Writes the training and validation examples as token, n-gram and lexicon ids, one JSON object a line — the only form in which
 * `train.py` sees text, so training and serving share one tokenizer.
 */
export function writeIds(file: string, examples: readonly Example[], vocab: Vocab, config: EncoderConfig): void {
  const lines = examples
    .filter((e) => e.split !== 'test')
    .map((e) => {
      const { ids, grams, lex } = encodeText(e.text, vocab, config);
      return JSON.stringify({
        split: e.split, source: e.source, y: LABELS.indexOf(e.label), ids: [...ids], grams: grams ? [...grams] : [],
        lex: lex ? [...lex] : [], agreement: e.agreement ?? 1,
      });
    });
  writeFileSync(file, lines.join('\n') + '\n');
}
