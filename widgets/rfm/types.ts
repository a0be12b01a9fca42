/** min / max / mean / std of one RFM measure within a segment (GraphQL `RfmStats`). */
export interface RfmStats {
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
}

/** One named segment of `Query.rfm`. `share` is a fraction of all customers (0…1). Empty segments may carry null statistics. */
export interface RfmSegment {
  name: string;
  customerCount: number;
  share: number;
  recency: RfmStats | null;
  frequency: RfmStats | null;
  monetary: RfmStats | null;
}

/** The `rfm(asOf)` result the segment map draws; hosts may pass the same shape as the `data` property. */
export interface RfmSummary {
  asOf?: string | null;
  customerCount: number;
  segments: RfmSegment[];
}

/** Detail of `rapport-segment-select`. */
export interface SegmentSelectDetail {
  /** Segment name as the API spells it, e.g. `champions`; usable as `customers(segment:)`. */
  segment: string;
}
