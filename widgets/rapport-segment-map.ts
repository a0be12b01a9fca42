import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RapportElement } from './kit/rapport-element.js';
import type { RapportClient } from './kit/client.js';
import { themeStyles } from './kit/theme.js';
import { sequentialColor } from './kit/color.js';
import type { Interpolator } from './kit/color.js';
import { readableOn } from './kit/contrast.js';
import { renderLegend, legendStyles } from './kit/legend.js';
import { anchorAbove, renderTooltip, tooltipStyles } from './kit/tooltip.js';
import type { TooltipState } from './kit/tooltip.js';
import { DEFAULT_REGIONS, labelOf, readingOrder } from './rfm/segment-regions.js';
import type { SegmentRegion } from './rfm/segment-regions.js';
import { treemapTiles } from './rfm/treemap-layout.js';
import { describeSegment, segmentDetails, segmentTable } from './rfm/describe.js';
import { segmentMapStyles } from './rfm/segment-map-styles.js';
import { RFM_QUERY } from './rfm/query.js';
import type { RfmSegment, RfmSummary, SegmentSelectDetail } from './rfm/types.js';

const EMPTY_STATS = { min: 0, max: 0, mean: 0, std: 0 };

/**
 * The RFM segment map: recency score on x, frequency score on y, each named segment a region sized by its score
 * range, showing its customer count and share and coloured by its mean monetary value. `view="treemap"` sizes the
 * segments by customer count instead.
 *
 * @fires rapport-segment-select - A segment was clicked or chosen with Enter/Space. `detail: { segment }`.
 * @csspart root - The widget's box.
 * @csspart segment - Each segment region or tile.
 * @csspart legend - The colour ramp.
 * @csspart tooltip - The hover card.
 * @csspart loading - @csspart empty - @csspart error - The state panels.
 * @cssprop --rapport-background - Widget background.
 * @cssprop --rapport-foreground - Text colour.
 * @cssprop --rapport-muted - Secondary text.
 * @cssprop --rapport-border - Border colour.
 * @cssprop --rapport-accent - Buttons and links.
 * @cssprop --rapport-font-family - Defaults to the host page's font.
 * @cssprop --rapport-row-height - Minimum height of one score row (default 64px).
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
  /** The tenant's R/F map; defaults to the spec's ten segments. */
  @property({ attribute: false }) regions: readonly SegmentRegion[] = DEFAULT_REGIONS;
  /** Colour ramp for mean monetary value, 0…1 → CSS colour. */
  @property({ attribute: false }) colorInterpolator?: Interpolator;

  @state() private tip?: TooltipState;
  protected readonly noun = 'segments';

  protected load(client: RapportClient, signal: AbortSignal): Promise<RfmSummary> {
    const variables = this.asOf ? { asOf: this.asOf } : {};
    return client.query<{ rfm: RfmSummary }>(RFM_QUERY, variables, signal).then((d) => d.rfm);
  }

  protected override loadArgs(): unknown[] {
    return [this.asOf];
  }

  protected isEmpty(data: RfmSummary): boolean {
    return !data.segments?.length || data.customerCount === 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('data')) this.tip = undefined;
  }

  protected renderData(data: RfmSummary) {
    const f = this.format;
    const byName = new Map(data.segments.map((s) => [s.name, s]));
    const means = data.segments.filter((s) => s.customerCount > 0).map((s) => s.monetary.mean);
    const domain = [Math.min(...means), Math.max(...means)] as const;
    const color = sequentialColor(domain, this.colorInterpolator, 'sqrt');
    const segmentOf = (name: string): RfmSegment =>
      byName.get(name) ?? { name, customerCount: 0, share: 0, recency: EMPTY_STATS, frequency: EMPTY_STATS, monetary: EMPTY_STATS };
    const regions = [...this.regions].sort(readingOrder);
    const rows = this.view === 'treemap'
      ? treemapTiles(data.segments).map((t) => ({ label: labelOf(t.segment.name, this.regions), segment: t.segment }))
      : regions.map((r) => ({ label: r.label, segment: segmentOf(r.name) }));
    const asOf = data.asOf ?? this.asOf;
    const tile = (segment: RfmSegment, label: string, style: string, region?: SegmentRegion, size = '') => {
      const fill = segment.customerCount > 0 ? color(segment.monetary.mean) : 'var(--_surface)';
      const ink = segment.customerCount > 0 ? readableOn(fill) : 'var(--_muted)';
      const words = describeSegment(segment, f);
      const show = (e: Event) => this.showTip(e.currentTarget as Element, segmentDetails(label, segment, f, region));
      return html`<button type="button" class="segment animate ${size}" part="segment"
        data-segment=${segment.name} aria-pressed=${this.selected === segment.name ? 'true' : 'false'}
        style="${style}; background: ${fill}; color: ${ink}"
        @click=${() => this.select(segment.name)} @pointerenter=${show} @focus=${show}
        @pointerleave=${this.hideTip} @blur=${this.hideTip}>
        <span class="label">${label}</span>
        <span class="count">${f.integer(segment.customerCount)}</span><span class="sr-only">${words.afterCount}</span>
        <span class="share">${f.percent(segment.share)}</span><span class="sr-only">${words.afterShare}</span>
      </button>`;
    };
    return html`
      <header>
        ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : ''}
        <span class="meta">${f.integer(data.customerCount)} customers${asOf ? ` · as of ${f.date(asOf)}` : ''}</span>
        <span class="toggle" role="group" aria-label="View">
          ${(['map', 'treemap'] as const).map(
            (v) => html`<button type="button" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => (this.view = v)}>
              ${v === 'map' ? 'R × F map' : 'Treemap'}</button>`,
          )}
        </span>
      </header>
      ${this.view === 'treemap'
        ? html`<div class="treemap" role="group" aria-label="Segments by customer count">
            ${treemapTiles(data.segments).map((t) =>
              tile(t.segment, labelOf(t.segment.name, this.regions),
                `left: ${t.x}%; top: ${t.y}%; width: ${t.width}%; height: ${t.height}%`, undefined, tileSize(t.width, t.height)),
            )}
          </div>`
        : html`<div class="plot" role="group" aria-label="Segments by recency score (R) and frequency score (F)">
            <span class="axis-title y" aria-hidden="true">Frequency score (F) →</span>
            ${[5, 4, 3, 2, 1].map((s, i) => html`<span class="tick" aria-hidden="true" style="grid-column: 2; grid-row: ${i + 1}">${s}</span>`)}
            ${[1, 2, 3, 4, 5].map((s) => html`<span class="tick" aria-hidden="true" style="grid-column: ${s + 2}; grid-row: 6">${s}</span>`)}
            <span class="axis-title x" aria-hidden="true">Recency score (R) →</span>
            ${regions.map((r) =>
              tile(segmentOf(r.name), r.label,
                `grid-column: ${r.r[0] + 2} / ${r.r[1] + 3}; grid-row: ${6 - r.f[1]} / ${7 - r.f[0]}`, r),
            )}
          </div>`}
      ${means.length ? renderLegend({ label: 'Mean monetary value', domain, color, format: f.compact }) : ''}
      ${segmentTable(rows, f, `${this.heading || 'Customer segments'}${asOf ? `, as of ${f.date(asOf)}` : ''}`)}
      ${renderTooltip(this.tip)}
    `;
  }

  private select(segment: string): void {
    this.selected = segment;
    this.emit<SegmentSelectDetail>('rapport-segment-select', { segment });
  }

  private showTip(target: Element, content: TooltipState['content']): void {
    const root = this.renderRoot.querySelector('.root');
    if (root) this.tip = { ...anchorAbove(target, root), content };
  }

  private hideTip = (): void => {
    this.tip = undefined;
  };
}

/** Treemap tiles too small for all their text show less of it (percent of the plot box). */
function tileSize(width: number, height: number): string {
  if (width < 7 || height < 8) return 'small tiny';
  return width < 11 || height < 16 ? 'small' : '';
}

if (!customElements.get('rapport-segment-map')) customElements.define('rapport-segment-map', RapportSegmentMap);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-segment-map': RapportSegmentMap;
  }
}
