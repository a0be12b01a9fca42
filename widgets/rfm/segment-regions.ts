/** A segment's rectangle on the R×F score grid, inclusive score ranges 1…5. */
export interface SegmentRegion {
  name: string;
  label: string;
  r: readonly [number, number];
  f: readonly [number, number];
}

/**
 * The spec's R/F segment map (the seed paper's Figure 2): R on x, F on y, ten rectangles tiling the 5×5 grid.
 * Tenants with their own map pass their regions through the `regions` property.
 */
export const DEFAULT_REGIONS: readonly SegmentRegion[] = [
  { name: 'hibernating', label: 'Hibernating', r: [1, 2], f: [1, 2] },
  { name: 'at_risk', label: 'At risk', r: [1, 2], f: [3, 4] },
  { name: 'cant_lose', label: 'Can’t lose', r: [1, 2], f: [5, 5] },
  { name: 'about_to_sleep', label: 'About to sleep', r: [3, 3], f: [1, 2] },
  { name: 'need_attention', label: 'Need attention', r: [3, 3], f: [3, 3] },
  { name: 'loyal_customers', label: 'Loyal customers', r: [3, 4], f: [4, 5] },
  { name: 'promising', label: 'Promising', r: [4, 4], f: [1, 1] },
  { name: 'new_customers', label: 'New customers', r: [5, 5], f: [1, 1] },
  { name: 'potential_loyalists', label: 'Potential loyalists', r: [4, 5], f: [2, 3] },
  { name: 'champions', label: 'Champions', r: [5, 5], f: [4, 5] },
];

/** A readable label for a segment name that has no region (`some_name` → `Some name`). */
export function labelOf(name: string, regions: readonly SegmentRegion[] = DEFAULT_REGIONS): string {
  const region = regions.find((r) => r.name === name);
  if (region) return region.label;
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Reading order for the keyboard: top row (high F) first, then left to right. */
export function readingOrder(a: SegmentRegion, b: SegmentRegion): number {
  return b.f[1] - a.f[1] || a.r[0] - b.r[0];
}
