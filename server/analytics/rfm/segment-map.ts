/**
 * Segment maps: ordered, named rules over R, F and M scores (1..5); the first rule that matches names the segment,
 * as the reference's `replace(seg_map, regex=True)` tries its patterns in order. The default, the paper's map, is
 * in ./patterns.ts. Tenants store their own maps as plain JSON of this shape; `validateSegmentMap` checks one.
 */
import { RfmError } from './errors';

/** An inclusive score range, or a single score. */
export type ScoreRange = number | readonly [min: number, max: number];

export interface SegmentRule {
  /** The segment's name; several rules may share a name, so a segment can be a union of regions. */
  name: string;
  /** Absent: any score. */
  r?: ScoreRange;
  f?: ScoreRange;
  m?: ScoreRange;
}

export interface SegmentMap {
  rules: readonly SegmentRule[];
  /** Where customers that match no rule go. Without it, the rules must cover every R, F, M combination. */
  fallback?: string;
}

/** A map ready to apply: segment names in order of first appearance, and the segment of each R, F, M. */
export interface CompiledSegmentMap {
  names: readonly string[];
  /** Index `(r - 1) * 25 + (f - 1) * 5 + (m - 1)` → segment index. */
  lookup: Int16Array;
}

export const SCORE_LEVELS = 5;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function bounds(range: ScoreRange | undefined, where: string): readonly [number, number] {
  if (range === undefined) return [1, SCORE_LEVELS];
  const [min, max] = typeof range === 'number' ? [range, range] : range;
  const ok = (s: unknown) => Number.isInteger(s) && (s as number) >= 1 && (s as number) <= SCORE_LEVELS;
  if (!ok(min) || !ok(max) || min > max) {
    throw new RfmError('INVALID_SEGMENT_MAP', `${where}: a score range must be integers 1-5 with min ≤ max`);
  }
  return [min, max];
}

/** Validates a map and turns it into a lookup table; throws `RfmError` (code INVALID_SEGMENT_MAP) with the reason. */
export function compileSegmentMap(map: SegmentMap): CompiledSegmentMap {
  if (!map || !Array.isArray(map.rules) || map.rules.length === 0) {
    throw new RfmError('INVALID_SEGMENT_MAP', 'a segment map needs at least one rule');
  }
  const names: string[] = [];
  const lookup = new Int16Array(SCORE_LEVELS ** 3).fill(-1);
  const indexOf = (name: unknown, where: string): number => {
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
      throw new RfmError('INVALID_SEGMENT_MAP', `${where}: a segment name must be an identifier of at most 64 characters`);
    }
    const known = names.indexOf(name);
    if (known >= 0) return known;
    names.push(name);
    return names.length - 1;
  };
  map.rules.forEach((rule, k) => {
    const where = `rule ${k + 1}`;
    const segment = indexOf(rule?.name, where);
    const [r0, r1] = bounds(rule.r, `${where} (r)`);
    const [f0, f1] = bounds(rule.f, `${where} (f)`);
    const [m0, m1] = bounds(rule.m, `${where} (m)`);
    for (let r = r0; r <= r1; r++)
      for (let f = f0; f <= f1; f++)
        for (let m = m0; m <= m1; m++) {
          const i = (r - 1) * 25 + (f - 1) * 5 + (m - 1);
          if (lookup[i] === -1) lookup[i] = segment;
        }
  });
  if (map.fallback !== undefined) {
    // Listed even when no customer can fall through, so a map's segments do not depend on its coverage.
    const fallback = indexOf(map.fallback, 'fallback');
    for (let i = 0; i < lookup.length; i++) if (lookup[i] === -1) lookup[i] = fallback;
  }
  const unmatched = lookup.indexOf(-1);
  if (unmatched >= 0) {
    const [r, f, m] = [Math.floor(unmatched / 25) + 1, (Math.floor(unmatched / 5) % 5) + 1, (unmatched % 5) + 1];
    throw new RfmError('INVALID_SEGMENT_MAP', `no rule matches R,F,M = ${r},${f},${m}; add a rule or a fallback`);
  }
  return { names, lookup };
}

/** Throws if the map is unusable; for checking a tenant's map when it is stored. */
export function validateSegmentMap(map: SegmentMap): void {
  compileSegmentMap(map);
}

export function segmentIndex(compiled: CompiledSegmentMap, r: number, f: number, m: number): number {
  return compiled.lookup[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]!;
}
