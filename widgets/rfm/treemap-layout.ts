import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import type { RfmSegment } from './types.js';

export interface TreemapTile {
  segment: RfmSegment;
  /** Percentages of the plot box. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Squarified treemap of segments by customer count, in percent of a 16∶9 box (Bruls, Huizing & van Wijk 2000). */
export function treemapTiles(segments: readonly RfmSegment[]): TreemapTile[] {
  const W = 160;
  const H = 90;
  type Datum = { children?: RfmSegment[] } | RfmSegment;
  const root = hierarchy<Datum>({ children: segments.filter((s) => s.customerCount > 0) })
    .sum((d) => ('customerCount' in d ? d.customerCount : 0))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  treemap<Datum>().tile(treemapSquarify.ratio(1.4)).size([W, H]).paddingInner(0.6).round(false)(root);
  return root.leaves().map((leaf) => {
    const node = leaf as typeof leaf & { x0: number; x1: number; y0: number; y1: number };
    return {
      segment: leaf.data as RfmSegment,
      x: (node.x0 / W) * 100,
      y: (node.y0 / H) * 100,
      width: ((node.x1 - node.x0) / W) * 100,
      height: ((node.y1 - node.y0) / H) * 100,
    };
  });
}
