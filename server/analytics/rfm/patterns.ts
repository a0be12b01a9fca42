/**
 * Segment maps written as the seed paper's reference code writes them: a pandas regex dict over the score string
 * "RF" (or "RFM"), each position a digit or a class `[a-b]` — the only regex forms the paper's map (Figure 2) uses.
 */
import { RfmError } from './errors';
import type { SegmentMap, SegmentRule } from './segment-map';

/** The paper's map, in the reference code's order. */
export const PAPER_SEGMENT_PATTERNS: readonly (readonly [pattern: string, name: string])[] = [
  ['[1-2][1-2]', 'hibernating'],
  ['[1-2][3-4]', 'at_risk'],
  ['[1-2]5', 'cant_lose'],
  ['3[1-2]', 'about_to_sleep'],
  ['33', 'need_attention'],
  ['[3-4][4-5]', 'loyal_customers'],
  ['41', 'promising'],
  ['51', 'new_customers'],
  ['[4-5][2-3]', 'potential_loyalists'],
  ['5[4-5]', 'champions'],
];

function parseRange(token: string, pattern: string): readonly [number, number] {
  const single = /^([1-5])$/.exec(token);
  if (single) return [Number(single[1]), Number(single[1])];
  const cls = /^\[([1-5])-([1-5])\]$/.exec(token);
  if (cls && cls[1]! <= cls[2]!) return [Number(cls[1]), Number(cls[2])];
  throw new RfmError('INVALID_SEGMENT_MAP', `pattern "${pattern}": "${token}" is neither a score 1-5 nor a class like [1-2]`);
}

/** Rules from patterns, in order, e.g. `['[1-2]5', 'cant_lose']`; throws on any other regex form. */
export function segmentMapFromPatterns(
  patterns: readonly (readonly [pattern: string, name: string])[],
  fallback?: string,
): SegmentMap {
  const rules = patterns.map(([pattern, name]): SegmentRule => {
    const tokens = pattern.match(/\[[^\]]*\]|./g) ?? [];
    if (tokens.length < 2 || tokens.length > 3) {
      throw new RfmError('INVALID_SEGMENT_MAP', `pattern "${pattern}" must have 2 (R, F) or 3 (R, F, M) positions`);
    }
    const [r, f, m] = tokens.map((t) => parseRange(t, pattern));
    return m ? { name, r, f, m } : { name, r, f };
  });
  return fallback === undefined ? { rules } : { rules, fallback };
}

export const DEFAULT_SEGMENT_MAP: SegmentMap = segmentMapFromPatterns(PAPER_SEGMENT_PATTERNS);
