import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RapportElement } from './kit/rapport-element.js';
import type { RapportClient } from './kit/client.js';
import { themeStyles } from './kit/theme.js';
import { sequentialColor } from './kit/color.js';
import type { Interpolator } from './kit/color.js';
import { renderLegend, legendStyles } from './kit/legend.js';
import { tooltipStyles } from './kit/tooltip.js';
import { DEFAULT_REGIONS } from './rfm/segment-regions.js';
import type { SegmentRegion } from './rfm/segment-regions.js';
import { mapPlacements, treemapPlacements } from './rfm/placement.js';
import { scoreAxes, scoreMarker, segmentTile } from './rfm/segment-tile.js';
import type { TileContext } from './rfm/segment-tile.js';
import { segmentTable } from './rfm/describe.js';
import { segmentMapStyles } from './rfm/segment-map-styles.js';
import { rfmQuery } from './rfm/query.js';
import { regionsFromRules } from './rfm/regions-from-rules.js';
import type { SegmentRuleData } from './rfm/regions-from-rules.js';
import type { RfmSummary, SegmentSelectDetail } from './rfm/types.js';

/**
 * The RFM segment map: recency score on x, frequency score on y, each named segment a region sized by its score
 * range, showing its customer count and share and coloured by its mean monetary value. `view="treemap"` sizes the
 * segments by customer count instead.
 *
 * @fires rapport-segment-select - A segment was clicked or chosen with Enter/Space. `detail: { segment }`.
 * @csspart root - The widget's box.
 * @csspart segment - Each segment region or tile.
 * @csspart marker - The pin set by the `marker` property.
 * @csspart legend - The colour ramp.
 * @csspart tooltip - The hover card.
 * @csspart loading - The loading panel.
 * @csspart empty - The panel shown when there is nothing to draw.
 * @csspart error - The error panel, with a Retry button.
 * @cssprop --rapport-background - Widget background.
 * @cssprop --rapport-foreground - Text colour.
 * @cssprop --rapport-muted - Secondary text.
 * @cssprop --rapport-border - Border colour.
 * @cssprop --rapport-accent - Buttons and links.
 * @cssprop --rapport-font-family - Defaults to the host page's font.
 * @cssprop --rapport-row-height - Minimum height of one score row (default 64px).
 * @cssprop --rapport-marker - Colour of the marker pin.
 */
export class RapportSegmentMap extends RapportElement<RfmSummary> {
  static override styles = [themeStyles, legendStyles, tooltipStyles, segmentMapStyles];

  /** Score the customers as of this date (ISO 8601); unset means the day after the latest order. */
  @property({ attribute: 'as-of' }) asOf?: string;
  /** `map` (the R×F grid) or `treemap` (areas by customer count). */
  @property({ reflect: true }) view: 'map' | 'treemap' = 'map';
  /** Heading shown above the map; empty hides it. */
  @property() heading = 'Customer segments';
  /** The highlighted segment (set by clicks; hosts may set it too). */
  @property({ reflect: true }) selected?: string;
  /** A segment map the tenant defined (`defineSegmentMap`); its regions are drawn from its rules. */
  @property({ attribute: 'segment-map' }) segmentMap?: string;
  /** The R/F map to draw; defaults to the spec's ten segments (or the `segment-map`'s rules). */
  @property({ attribute: false }) regions: readonly SegmentRegion[] = DEFAULT_REGIONS;
  /** Regions of the named map, or null when that map cannot be drawn on R×F (then only the treemap shows). */
  @state() private mapRegions?: readonly SegmentRegion[] | null;
  /** Marks one customer's R and F scores on the map (e.g. on a customer page). */
  @property({ attribute: false }) marker?: { r: number; f: number; label?: string };
  /** Colour ramp for mean monetary value, 0…1 → CSS colour. */
  @property({ attribute: false }) colorInterpolator?: Interpolator;

  protected readonly noun = 'segments';

  protected async load(client: RapportClient, signal: AbortSignal): Promise<RfmSummary> {
    const named = !!this.segmentMap && this.segmentMap !== 'default';
    const variables = { ...(this.asOf ? { asOf: this.asOf } : {}), ...(named ? { segmentMap: this.segmentMap } : {}) };
    type Maps = Array<{ name: string; fallback?: string | null; rules: SegmentRuleData[] }>;
    const data = await client.query<{ rfm: RfmSummary; segmentMaps?: Maps }>(rfmQuery(named), variables, signal);
    const map = data.segmentMaps?.find((m) => m.name === this.segmentMap);
    this.mapRegions = named ? (map ? (regionsFromRules(map.rules, map.fallback) ?? null) : null) : undefined;
    return data.rfm;
  }

  protected override loadArgs(): unknown[] {
    return [this.asOf, this.segmentMap];
  }

  protected isEmpty(data: RfmSummary): boolean {
    return !data.segments?.length || data.customerCount === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('data')) this.tip = undefined;
  }

  protected renderData(data: RfmSummary) {
    const f = this.format;
    const means = data.segments.flatMap((s) => (s.customerCount > 0 && s.monetary?.mean != null ? [s.monetary.mean] : []));
    const domain = [Math.min(...means), Math.max(...means)] as const;
    const color = sequentialColor(domain, this.colorInterpolator, 'sqrt');
    const regions = this.data == null && this.mapRegions !== undefined ? this.mapRegions : this.regions;
    const treemap = this.view === 'treemap' || regions === null;
    const placed = (treemap ? treemapPlacements : mapPlacements)(regions ?? DEFAULT_REGIONS, data.segments);
    const ctx: TileContext = { f, color, selected: this.selected, select: (s) => this.select(s), show: (t, c) => this.showTip(t, c), hide: this.hideTip };
    const asOf = data.asOf ?? this.asOf;
    const caption = `${this.heading || 'Customer segments'}${asOf ? `, as of ${f.date(asOf)}` : ''}`;
    return html`
      <div class="header">
        ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : ''}
        <span class="meta">${f.integer(data.customerCount)} customers${asOf ? ` · as of ${f.date(asOf)}` : ''}</span>
        <span class="toggle" role="group" aria-label="View">
          ${(['map', 'treemap'] as const).map(
            (v) => html`<button type="button" aria-pressed=${(v === 'treemap') === treemap ? 'true' : 'false'}
              ?disabled=${v === 'map' && regions === null} @click=${() => (this.view = v)}>
              ${v === 'map' ? 'R × F map' : 'Treemap'}</button>`,
          )}
        </span>
      </div>
      ${treemap
        ? html`<div class="treemap" role="group" aria-label="Segments by customer count">${placed.map((p) => segmentTile(p, ctx))}</div>`
        : html`<div class="plot" role="group" aria-label="Segments by recency score (R) and frequency score (F)">
            ${scoreAxes()} ${placed.map((p) => segmentTile(p, ctx))} ${scoreMarker(this.marker)}
          </div>`}
      ${means.length ? renderLegend({ label: 'Mean monetary value', domain, color, format: f.compact }) : ''}
      ${segmentTable(placed, f, caption)}
    `;
  }

  private select(segment: string): void {
    this.selected = segment;
    this.emit<SegmentSelectDetail>('rapport-segment-select', { segment });
  }
}

if (!customElements.get('rapport-segment-map')) customElements.define('rapport-segment-map', RapportSegmentMap);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-segment-map': RapportSegmentMap;
  }
}
