import { html } from 'lit';
import type { Formatters } from '../kit/format.js';
import type { SegmentRegion } from './segment-regions.js';
import type { RfmSegment, RfmStats } from './types.js';

const MEASURES = [
  ['recency', 'Recency (days)'],
  ['frequency', 'Frequency (orders)'],
  ['monetary', 'Monetary'],
] as const;

type Measure = (typeof MEASURES)[number][0];

/** A statistic, formatted, or a dash when the API has none (empty segments). */
function stat(s: RfmSegment, measure: Measure, key: keyof RfmStats, format: (v: number) => string): string {
  const value = s[measure]?.[key];
  return value == null || !Number.isFinite(value) ? '—' : format(value);
}

/** Words around the visible label, count and share that complete a segment's accessible name for screen readers. */
export function describeSegment(s: RfmSegment, f: Formatters): { afterCount: string; afterShare: string } {
  return {
    afterCount: ' customers, ',
    afterShare:
      s.customerCount > 0
        ? ` of all. Mean recency ${stat(s, 'recency', 'mean', f.decimal)} days, mean frequency ` +
          `${stat(s, 'frequency', 'mean', f.decimal)} orders, mean monetary ${stat(s, 'monetary', 'mean', (v) => f.decimal(v, 2))}.`
        : ' of all.',
  };
}

function range(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** Hover card: the segment's R/F/M statistics (min, mean, max, std). */
export function segmentDetails(label: string, s: RfmSegment, f: Formatters, region?: SegmentRegion) {
  return html`<strong>${label}</strong>
    <div>${f.integer(s.customerCount)} customers · ${f.percent(s.share)}</div>
    ${region ? html`<div>R ${range(...region.r)} · F ${range(...region.f)}</div>` : ''}
    <table>
      <tr><th></th><th>min</th><th>mean</th><th>max</th><th>std</th></tr>
      ${MEASURES.map(
        ([key, name]) => html`<tr>
          <th>${name}</th>
          ${(['min', 'mean', 'max', 'std'] as const).map((k) => html`<td>${stat(s, key, k, key === 'monetary' ? f.compact : f.decimal)}</td>`)}
        </tr>`,
      )}
    </table>`;
}

/** The visually hidden table: the map's numbers for screen readers. */
export function segmentTable(rows: ReadonlyArray<{ label: string; segment: RfmSegment }>, f: Formatters, caption: string) {
  return html`<div class="sr-only"><table>
    <caption>${caption}</caption>
    <thead>
      <tr>
        <th scope="col">Segment</th><th scope="col">Customers</th><th scope="col">Share</th>
        <th scope="col">Mean recency (days)</th><th scope="col">Mean frequency</th><th scope="col">Mean monetary</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ({ label, segment: s }) => html`<tr>
          <th scope="row">${label}</th><td>${f.integer(s.customerCount)}</td><td>${f.percent(s.share)}</td>
          <td>${stat(s, 'recency', 'mean', f.decimal)}</td><td>${stat(s, 'frequency', 'mean', f.decimal)}</td>
          <td>${stat(s, 'monetary', 'mean', (v) => f.decimal(v, 2))}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}
