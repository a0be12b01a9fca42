import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RapportElement } from './kit/rapport-element.js';
import type { RapportClient } from './kit/client.js';
import { themeStyles } from './kit/theme.js';
import { sequentialColor } from './kit/color.js';
import type { Interpolator } from './kit/color.js';
import { legendStyles, renderLegend } from './kit/legend.js';
import { tooltipStyles } from './kit/tooltip.js';
import { cohortsQuery, normalize } from './cohort/query.js';
import { metricFormat, METRIC_LABELS, PERIOD_UNITS } from './cohort/labels.js';
import { heatmapTable } from './cohort/heatmap-table.js';
import type { HeatmapContext } from './cohort/heatmap-table.js';
import { nextCell } from './cohort/grid-navigation.js';
import type { CellPos } from './cohort/grid-navigation.js';
import { heatmapStyles } from './cohort/heatmap-styles.js';
import { METRICS, PERIODS } from './cohort/types.js';
import type { CohortSelectDetail, CohortTable } from './cohort/types.js';

/**
 * Cohort heatmap: acquisition cohorts as rows, periods since acquisition as columns, each cell coloured by the
 * chosen metric, with each cohort's size. Arrow keys, Home/End and PageUp/PageDown move between cells.
 *
 * @fires rapport-cohort-select - A cell was clicked or chosen with Enter/Space. `detail: { cohort, period, value }`.
 * @csspart root - The widget's box.
 * @csspart table - The grid.
 * @csspart cell - Each value cell.
 * @csspart legend - The colour ramp.
 * @csspart tooltip - The hover card.
 * @csspart loading - The loading panel.
 * @csspart empty - The panel shown when there is nothing to draw.
 * @csspart error - The error panel, with a Retry button.
 * @cssprop --rapport-background - Widget background.
 * @cssprop --rapport-foreground - Text colour.
 * @cssprop --rapport-muted - Secondary text.
 * @cssprop --rapport-border - Border colour.
 * @cssprop --rapport-font-family - Defaults to the host page's font.
 * @cssprop --rapport-cell-height - Height of a row of cells (default 30px).
 */
export class RapportCohortHeatmap extends RapportElement<CohortTable> {
  static override styles = [themeStyles, legendStyles, tooltipStyles, heatmapStyles];

  /** `WEEK`, `MONTH` or `QUARTER` (case-insensitive): how customers are grouped and periods counted. */
  @property() period = 'MONTH';
  /** `RETENTION`, `ACTIVE`, `REVENUE` or `CUMULATIVE_REVENUE_PER_CUSTOMER` (case-insensitive). */
  @property() metric = 'RETENTION';
  /** Heading shown above the grid; empty hides it. */
  @property() heading = 'Cohorts';
  /** Colour ramp, 0…1 → CSS colour. */
  @property({ attribute: false }) colorInterpolator?: Interpolator;

  @state() private active: CellPos = { row: 0, col: 0 };
  protected readonly noun = 'cohorts';

  private get periodValue() {
    return normalize(this.period, PERIODS, 'MONTH');
  }

  private get metricValue() {
    return normalize(this.metric, METRICS, 'RETENTION');
  }

  protected load(client: RapportClient, signal: AbortSignal): Promise<CohortTable> {
    return client
      .query<{ cohorts: CohortTable }>(cohortsQuery(this.periodValue, this.metricValue), undefined, signal)
      .then((d) => d.cohorts);
  }

  protected override loadArgs(): unknown[] {
    return [this.periodValue, this.metricValue];
  }

  protected isEmpty(data: CohortTable): boolean {
    return !data.cohorts?.length;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || changed.has('period') || changed.has('metric')) {
      this.active = { row: 0, col: 0 };
      this.tip = undefined;
    }
  }

  protected renderData(data: CohortTable) {
    const f = this.format;
    const period = this.periodValue;
    const metric = this.metricValue;
    const fmt = metricFormat(metric, f);
    const width = Math.max(...data.cohorts.map((c) => c.values.length));
    // Column 0 is 100% retention (or the whole cohort) by definition; colour by the later columns so they show.
    const skipFirst = (metric === 'RETENTION' || metric === 'ACTIVE') && width > 1;
    const scaled = data.cohorts.flatMap((c) => (skipFirst ? c.values.slice(1) : c.values)).filter(Number.isFinite);
    // Fitted to the values shown, so the differences the reader compares use the whole ramp.
    const domain = [Math.min(...scaled), Math.max(...scaled)] as const;
    const color = sequentialColor(domain, this.colorInterpolator);
    const ctx: HeatmapContext = {
      f, period, metric, color, ...fmt,
      active: this.active,
      choose: (pos) => this.choose(data, pos),
      focus: (pos, target, text, size) => {
        this.active = pos;
        this.cellTip(target, text, size);
      },
      hover: (target, text, size) => this.cellTip(target, text, size),
      hide: this.hideTip,
      keydown: (e) => void this.onKey(e, data),
    };
    return html`
      <div class="header">
        ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : ''}
        <span class="meta">${METRIC_LABELS[metric]} · ${data.cohorts.length} ${PERIOD_UNITS[period][0]}ly cohorts</span>
      </div>
      <div class="scroll">${heatmapTable(data, ctx)}</div>
      ${scaled.length ? renderLegend({ label: METRIC_LABELS[metric], domain, color, format: fmt.cell }) : ''}
    `;
  }

  private choose(data: CohortTable, pos: CellPos): void {
    const cohort = data.cohorts[pos.row];
    const value = cohort?.values[pos.col];
    if (!cohort || value === undefined) return;
    this.active = pos;
    this.emit<CohortSelectDetail>('rapport-cohort-select', { cohort: cohort.start, period: pos.col, value });
  }

  private async onKey(event: KeyboardEvent, data: CohortTable): Promise<void> {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(data, this.active);
      return;
    }
    const next = nextCell(event.key, this.active, data.cohorts.map((c) => c.values.length));
    if (!next) return;
    event.preventDefault();
    this.active = next;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`td[data-row="${next.row}"][data-col="${next.col}"]`)?.focus();
  }

  private cellTip(target: Element, text: string, size: number): void {
    this.showTip(target, html`<strong>${text}</strong><div>Cohort of ${this.format.integer(size)} customers</div>`);
  }
}

if (!customElements.get('rapport-cohort-heatmap')) customElements.define('rapport-cohort-heatmap', RapportCohortHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-cohort-heatmap': RapportCohortHeatmap;
  }
}
