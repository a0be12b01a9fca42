import { LABELS } from '../tokenizer/index.js';
import type { Metrics } from './metrics.js';

export const pct = (x: number) => x.toFixed(3);
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
export const int = (n: number) => n.toLocaleString('en-US');
/** An interval as `0.828–0.856`, or a dash when there is none. */
export const range = (r?: readonly [number, number]) => (r ? `${pct(r[0])}–${pct(r[1])}` : '—');
/** A signed difference interval as `+0.011 … +0.038` (true minus signs). */
export const signedRange = ([lo, hi]: readonly [number, number]) => {
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  return `${signed(lo)} … ${signed(hi)}`;
};
/** Text safe inside SVG elements and attribute values. */
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Per-class precision / recall / F1 as a markdown table. */
export function perClassTable(m: Metrics): string {
  const rows = LABELS.map((l) => {
    const c = m.perClass[l];
    return `| ${l} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${int(c.support)} |`;
  });
  return ['| class | precision | recall | F1 | support |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Confusion matrix (rows gold, columns predicted) as a markdown table. */
export function confusionTable(m: Metrics): string {
  const rows = LABELS.map((l, i) => `| **${l}** | ${m.confusion[i]!.map(int).join(' | ')} |`);
  return [`| gold \\ predicted | ${LABELS.join(' | ')} |`, '|---|---|---|---|', ...rows].join('\n');
}
