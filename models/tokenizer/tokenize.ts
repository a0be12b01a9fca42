import { normalize } from './normalize.js';

// Order matters: placeholders, then words (with inner apostrophes), then emoji sequences, then any other symbol.
const TOKEN = new RegExp(
  [
    '<(?:url|user|num)>',
    "[\\p{L}\\p{M}]+(?:'[\\p{L}\\p{M}]+)*",
    '\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\uFE0F|\\u200D\\p{Extended_Pictographic})*',
    '\\p{Regional_Indicator}{1,2}',
    '[^\\s\\p{Z}]',
  ].join('|'),
  'gu',
);

/** Splits an already normalised text into tokens. */
export function splitTokens(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}

/** Normalises and tokenises a raw text: the one tokenisation used by training, server and browser. */
export function tokenize(text: string): string[] {
  return splitTokens(normalize(text));
}
