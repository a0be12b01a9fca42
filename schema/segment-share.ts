import { builder } from './builder';

/** Members of a group per RFM segment (communities, evolution snapshots). */
export interface SegmentShare {
  segment: string;
  count: number;
  share: number;
}

export const SegmentShareRef = builder.objectRef<SegmentShare>('SegmentShare').implement({
  fields: (t) => ({
    segment: t.exposeString('segment', { description: 'An RFM segment of the default map, or `unknown` (no counted order).' }),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share'),
  }),
});

/** A profile's segment counts as shares, largest first. */
export function segmentShares(mix: Readonly<Record<string, number>>, size: number): SegmentShare[] {
  return Object.entries(mix)
    .map(([segment, count]) => ({ segment, count, share: size ? count / size : 0 }))
    .sort((a, b) => b.count - a.count || a.segment.localeCompare(b.segment));
}
