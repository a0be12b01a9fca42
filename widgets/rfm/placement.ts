import type { InlineStyles } from '../kit/inline-style.js';
import type { SegmentRegion } from './segment-regions.js';
import { labelOf, readingOrder } from './segment-regions.js';
import { treemapTiles } from './treemap-layout.js';
import type { RfmSegment } from './types.js';

/** A segment with where it goes: the styles placing it in the map's grid or the treemap's box. */
export interface Placement {
  segment: RfmSegment;
  label: string;
  style: InlineStyles;
  region?: SegmentRegion;
  /** `small` / `tiny` treemap tiles show less text. */
  size: string;
}


/** The R×F map: every region of the map in reading order, including segments the data lacks (count 0). */
export function mapPlacements(regions: readonly SegmentRegion[], segments: readonly RfmSegment[]): Placement[] {
  const byName = new Map(segments.map((s) => [s.name, s]));
  return [...regions].sort(readingOrder).map((r) => ({
    segment: byName.get(r.name) ?? { name: r.name, customerCount: 0, share: 0, recency: null, frequency: null, monetary: null },
    label: r.label,
    region: r,
    // Column 1–2 hold the y-axis title and ticks; F = 5 is the top row.
    style: { 'grid-column': `${r.r[0] + 2} / ${r.r[1] + 3}`, 'grid-row': `${6 - r.f[1]} / ${7 - r.f[0]}` },
    size: '',
  }));
}

/** The treemap: segments with customers, largest first. */
export function treemapPlacements(regions: readonly SegmentRegion[], segments: readonly RfmSegment[]): Placement[] {
  return treemapTiles(segments).map((t) => ({
    segment: t.segment,
    label: labelOf(t.segment.name, regions),
    region: regions.find((r) => r.name === t.segment.name),
    style: { left: `${t.x}%`, top: `${t.y}%`, width: `${t.width}%`, height: `${t.height}%` },
    size: t.width < 7 || t.height < 8 ? 'small tiny' : t.width < 11 || t.height < 16 ? 'small' : '',
  }));
}
