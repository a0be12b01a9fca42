export { RfmError, type RfmErrorCode } from './errors';
export { frequencyRanks, tieSequence } from './frequency-rank';
export { binOf, linspaceQuantiles, qcut, quantileEdges, rankEdges } from './qcut';
export { DEFAULT_SEGMENT_MAP, PAPER_SEGMENT_PATTERNS, segmentMapFromPatterns } from './patterns';
export {
  compileSegmentMap,
  SCORE_LEVELS,
  segmentIndex,
  validateSegmentMap,
  type CompiledSegmentMap,
  type ScoreRange,
  type SegmentMap,
  type SegmentRule,
} from './segment-map';
export { summarizeSegments, type SegmentSummary, type Stats } from './summary';
export { computeRfm, RFM_DEFAULTS, type RfmOptions, type RfmResult } from './rfm';
export {
  migrationMatrix,
  NEW_CUSTOMERS_ROW,
  segmentMigration,
  type MigrationOptions,
  type SegmentMigration,
} from './migration';
