import type { SegmentRegion } from './segment-regions.js';
import { labelOf } from './segment-regions.js';

/** A rule of a tenant's segment map as `segmentMaps { rules { name r f m } }` returns it; absent range = any score. */
export interface SegmentRuleData {
  name: string;
  r?: { min: number; max: number } | null;
  f?: { min: number; max: number } | null;
  m?: { min: number; max: number } | null;
}

const within = (range: SegmentRuleData['r'], score: number) => !range || (range.min <= score && score <= range.max);

/**
 * Turns an ordered rule list (first match wins, as the server applies it) into rectangles on the R×F grid, merging
 * equal neighbours. Returns undefined when the map cannot be drawn on R×F: a rule that narrows M, or a cell no rule
 * and no fallback covers. The widget then shows the treemap.
 */
export function regionsFromRules(rules: readonly SegmentRuleData[], fallback?: string | null): SegmentRegion[] | undefined {
  if (rules.some((rule) => rule.m && (rule.m.min > 1 || rule.m.max < 5))) return undefined;
  // grid[f - 1][r - 1] = segment name
  const grid: string[][] = [];
  for (let f = 1; f <= 5; f++) {
    const row: string[] = [];
    for (let r = 1; r <= 5; r++) {
      const name = rules.find((rule) => within(rule.r, r) && within(rule.f, f))?.name ?? fallback;
      if (!name) return undefined;
      row.push(name);
    }
    grid.push(row);
  }
  // Runs along R in each F row, then stack identical runs along F.
  const open = new Map<string, SegmentRegion>();
  const regions: SegmentRegion[] = [];
  for (let f = 1; f <= 5; f++) {
    const row = grid[f - 1]!;
    const seen = new Set<string>();
    for (let r0 = 1; r0 <= 5; ) {
      let r1 = r0;
      while (r1 < 5 && row[r1] === row[r0 - 1]) r1++;
      const name = row[r0 - 1]!;
      const key = `${name}:${r0}:${r1}`;
      const above = open.get(key);
      if (above && above.f[1] === f - 1) {
        open.set(key, { ...above, f: [above.f[0], f] });
      } else {
        open.set(key, { name, label: labelOf(name), r: [r0, r1], f: [f, f] });
      }
      seen.add(key);
      r0 = r1 + 1;
    }
    for (const [key, region] of open) if (!seen.has(key)) (regions.push(region), open.delete(key));
  }
  return [...regions, ...open.values()];
}
