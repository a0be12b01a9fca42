import { decodeEntities } from './entities.js';

/** Placeholder tokens that replace URLs, handles and numbers. */
export const URL_TOKEN = '<url>';
export const USER_TOKEN = '<user>';
export const NUM_TOKEN = '<num>';

/**
 * Longest input read, in UTF-16 units. Training texts are all far shorter, so the cut never changes what a model
 * saw in training; it only bounds the work a 1 MB text can cause.
 */
export const MAX_CHARS = 8192;

const CONTROL = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}\u200B-\u200C\u2060\uFEFF\uFFFD]/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s]+/gu;
const HANDLE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu;
const NUMBER = /\p{N}+(?:[.,:]\p{N}+)*/gu;
const REPEAT = /(\P{N})\1{2,}/gu;
const QUOTES = /[‘’`´]/gu;

/**
 * Normalises one text: entities decoded, NFKC, lower case, URLs → `<url>`, @handles → `<user>`, numbers → `<num>`,
 * any character repeated three or more times squashed to two (`soooo` → `soo`, `!!!!` → `!!`), control characters
 * and lone surrogates dropped.
 */
export function normalize(text: string): string {
  let s = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  s = decodeEntities(s).replace(CONTROL, ' ').normalize('NFKC').toLowerCase();
  s = s.replace(QUOTES, "'");
  s = s.replace(URL, ` ${URL_TOKEN} `);
  s = s.replace(HANDLE, `$1 ${USER_TOKEN} `);
  s = s.replace(NUMBER, ` ${NUM_TOKEN} `);
  return s.replace(REPEAT, '$1$1');
}
