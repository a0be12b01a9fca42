import { select, loadAirline } from '../../models/data/index.js';
import { modelDataDir } from './data.js';

const WORDS = ['flight', 'great', 'delayed', 'thanks', 'bag', 'lost', 'crew', 'awesome', 'never', 'again', 'seat',
  'refund', 'profit', 'rose', 'fell', 'quarter', 'meeting', 'contract', 'happy', 'worst', '@united', '😡', '👍', '!!!'];

/** 200 deterministic texts: real airline test tweets when the data is present, generated ones otherwise. */
export function sampleTexts(n = 200): string[] {
  const dir = modelDataDir();
  if (dir) return select(loadAirline(dir), 'airline', 'test').slice(0, n).map((e) => e.text);
  let x = 7;
  const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => Array.from({ length: 3 + Math.floor(rnd() * 20) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' '));
}

/** Texts a classifier must survive: non-English, empty, 1 MB, binary garbage. */
export function hostileTexts(): string[] {
  let x = 11;
  const rnd = () => (x = (x * 48271) % 2147483647) / 2147483647;
  const garbage = String.fromCharCode(...Array.from({ length: 4096 }, () => Math.floor(rnd() * 65536)));
  return [
    '', ' ', '这家航空公司太糟糕了', 'Отличный сервис, спасибо!', 'رحلة رائعة', 'Très bon vol, merci 😀',
    'x'.repeat(1 << 20), 'good '.repeat(200_000), garbage, '\u0000\u0001\u0002', '\ud800\udc00\udfff',
  ];
}
