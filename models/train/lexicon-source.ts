import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tokenize, type Lexicon } from '../tokenizer/index.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** VADER's lexicon (token → mean valence, −4 … 4), read from the `vader-sentiment` package. */
function vaderValences(): Map<string, number> {
  const text = readFileSync(path.join(packageDir('vader-sentiment'), 'vader_lexicon.txt'), 'utf8');
  return new Map(text.split('\n').filter(Boolean).map((line) => {
    const [word, mean] = line.split('\t');
    return [word!, Number(mean)] as const;
  }));
}

/** VADER's negation words, as listed in its source (the built package does not export them). */
function vaderNegators(): string[] {
  const source = readFileSync(path.join(packageDir('vader-sentiment'), 'src/vaderSentiment.js'), 'utf8');
  const list = /export const NEGATE = \[([^\]]*)\]/.exec(source)?.[1];
  if (!list) throw new Error('rapport/models: cannot find NEGATE in vader-sentiment; the lexicon cannot be built.');
  return [...list.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]!);
}

/** AFINN-165 word scores (−5 … 5) and the emoji scores of the `sentiment` package. */
function afinnScores(): Map<string, number> {
  const dir = packageDir('sentiment');
  const read = (file: string) => Object.entries(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, number>);
  return new Map([...read('languages/en/labels.json'), ...read('build/emoji.json')]);
}

/**
 * The lexicon stored in a model's vocab.json: VADER's valence where it has the token, else AFINN's score × 0.8 (to
 * VADER's scale); only entries that our tokenizer keeps as one token, so a lookup per token finds them.
 */
export function buildLexicon(): Lexicon {
  const quarters: Record<string, number> = {};
  const add = (entry: string, valence: number) => {
    const tokens = tokenize(entry);
    const q = Math.round(valence * 4);
    const token = tokens.length === 1 ? tokens[0]! : null;
    // Only entries that are a token as written (NFKC would turn the emoji ℹ into the word i).
    if (token === entry.toLowerCase() && q !== 0 && !Object.hasOwn(quarters, token)) quarters[token] = q;
  };
  for (const [word, v] of vaderValences()) add(word, v);
  for (const [word, s] of afinnScores()) add(word, s * 0.8);
  const negators = [...new Set(vaderNegators().flatMap((w) => tokenize(w)).filter((t) => t.length > 1))].sort();
  return { quarters: Object.fromEntries(Object.entries(quarters).sort(([a], [b]) => (a < b ? -1 : 1))), negators, window: 3 };
}
