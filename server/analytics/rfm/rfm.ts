/**
 * RFM scores and segments — the seed paper's reference method (Kazia & Kazia, section 4, Table 1, Figure 2):
 *
 * - recency = whole days (floor) from the customer's last order to the reference instant: the latest order in
 *   the data + 1 day, or `asOf`; frequency = distinct invoices; monetary = Σ quantity × unit price.
 * - R = `qcut(recency, 5, labels=[5, 4, 3, 2, 1])` on the values themselves, ties included;
 *   F = `qcut(frequency.rank(method='first'), 5, labels=[1..5])`, ties ranked by `tieOrder`;
 *   M = `qcut(monetary, 5, labels=[1..5])`. See ./qcut.ts for the exact binning and tied edges.
 * - segment = the first rule of the segment map matching (R, F, M); by default the paper's RF map.
 *
 * `asOf` (an instant): only activity on UTC days before asOf's day counts, and recency is measured to the asOf
 * instant itself, so `asOf` = latest order + 1 day reproduces the default. An `asOf` before any order yields an
 * empty result (customerCount 0), not an error.
 */
import { MS_PER_DAY, SECONDS_PER_DAY, type DailyActivity } from '../activity';
import { RfmError } from './errors';
import { frequencyRanks } from './frequency-rank';
import { binOf, qcut, rankEdges } from './qcut';
import { DEFAULT_SEGMENT_MAP } from './patterns';
import { compileSegmentMap, type CompiledSegmentMap, type SegmentMap } from './segment-map';
import { summarizeSegments, type SegmentSummary } from './summary';

export interface RfmOptions {
  /** The reference instant; activity on its UTC day and later is ignored. @default latest order + 1 day */
  asOf?: Date | number;
  /** A segment map, or one compiled once with `compileSegmentMap`. @default DEFAULT_SEGMENT_MAP (the paper's) */
  segmentMap?: SegmentMap | CompiledSegmentMap;
}

export const RFM_DEFAULTS: Required<Pick<RfmOptions, 'segmentMap'>> = { segmentMap: DEFAULT_SEGMENT_MAP };

export interface RfmResult {
  /** The reference instant recency is measured to; null when nothing is scored and no asOf was given. */
  asOf: Date | null;
  /** Customers scored (those with activity before asOf). */
  customerCount: number;
  segmentNames: readonly string[];
  /** Per customer index (length = activity.customerCount); customers not scored have segment -1, scores 0. */
  recency: Int32Array;
  frequency: Int32Array;
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Int16Array;
  segments: SegmentSummary[];
  /** The quintile edges used (recency and monetary values; frequency ranks 1..n). */
  edges: { recency: Float64Array; frequency: Float64Array; monetary: Float64Array };
}

const compiledMaps = new WeakMap<SegmentMap, CompiledSegmentMap>();

/** Compiles a map once per map object (maps are treated as immutable). */
function compiled(map: SegmentMap | CompiledSegmentMap): CompiledSegmentMap {
  if ('lookup' in map) return map;
  let done = compiledMaps.get(map);
  if (!done) compiledMaps.set(map, (done = compileSegmentMap(map)));
  return done;
}

function toMs(asOf: Date | number, what: string): number {
  const ms = typeof asOf === 'number' ? asOf : asOf.getTime();
  if (!Number.isFinite(ms)) throw new RfmError('INVALID_OPTIONS', `${what} is not a valid date`);
  return ms;
}

/** Scores every customer with activity before `asOf` and summarizes the segments. */
export function computeRfm(activity: DailyActivity, options: RfmOptions = {}): RfmResult {
  const map = compiled(options.segmentMap ?? RFM_DEFAULTS.segmentMap);
  const n = activity.customerCount;
  const asOfMs = options.asOf === undefined ? undefined : toMs(options.asOf, 'asOf');
  const cutoffDay = asOfMs === undefined ? Infinity : Math.floor(asOfMs / MS_PER_DAY);

  const lastAt = new Float64Array(n).fill(-Infinity); // seconds since the epoch
  const frequency = new Int32Array(n);
  const monetary = new Float64Array(n);
  let latest = -Infinity;
  const { customer, day, invoices, lastSecond } = activity;
  for (let i = 0; i < customer.length; i++) {
    const d = day[i]!;
    if (d >= cutoffDay) continue;
    const c = customer[i]!;
    const at = d * SECONDS_PER_DAY + (lastSecond ? lastSecond[i]! : 0);
    if (at > lastAt[c]!) lastAt[c] = at;
    if (at > latest) latest = at;
    frequency[c]! += invoices[i]!;
    monetary[c]! += activity.monetary[i]!;
  }

  const present: number[] = [];
  for (let c = 0; c < n; c++) if (lastAt[c]! > -Infinity) present.push(c);
  const k = present.length;
  const reference = asOfMs !== undefined ? asOfMs / 1000 : latest + SECONDS_PER_DAY;
  const result: RfmResult = {
    asOf: k === 0 && asOfMs === undefined ? null : new Date(reference * 1000),
    customerCount: k,
    segmentNames: map.names,
    recency: new Int32Array(n),
    frequency,
    monetary,
    r: new Uint8Array(n),
    f: new Uint8Array(n),
    m: new Uint8Array(n),
    segment: new Int16Array(n).fill(-1),
    segments: [],
    edges: { recency: new Float64Array(0), frequency: new Float64Array(0), monetary: new Float64Array(0) },
  };
  if (k === 0) {
    result.segments = summarizeSegments(map.names, result.segment, result.recency, frequency, monetary);
    return result;
  }

  const recencyValues = new Float64Array(k);
  const monetaryValues = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const c = present[j]!;
    const days = Math.floor((reference - lastAt[c]!) / SECONDS_PER_DAY);
    result.recency[c] = days;
    recencyValues[j] = days;
    monetaryValues[j] = monetary[c]!;
  }
  const rCut = qcut(recencyValues);
  const mCut = qcut(monetaryValues);
  const fRank = frequencyRanks(activity, frequency, lastAt);
  const fEdges = rankEdges(k);
  for (let j = 0; j < k; j++) {
    const c = present[j]!;
    const r = 5 - rCut.codes[j]!;
    const f = binOf(fEdges, fRank[c]!) + 1;
    const m = mCut.codes[j]! + 1;
    result.r[c] = r;
    result.f[c] = f;
    result.m[c] = m;
    result.segment[c] = map.lookup[(r - 1) * 25 + (f - 1) * 5 + (m - 1)]!;
  }
  result.edges = { recency: rCut.edges, frequency: fEdges, monetary: mCut.edges };
  result.segments = summarizeSegments(map.names, result.segment, result.recency, frequency, monetary);
  return result;
}
