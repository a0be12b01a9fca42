import { html } from 'lit';
import type { Formatters } from '../kit/format.js';
import { legibleFill } from '../kit/contrast.js';
import { inlineStyle } from '../kit/inline-style.js';
import { cohortLabel, METRIC_LABELS, PERIOD_UNITS } from './labels.js';
import type { CellPos } from './grid-navigation.js';
import type { CohortMetric, CohortPeriod, CohortTable } from './types.js';

export interface HeatmapContext {
  f: Formatters;
  period: CohortPeriod;
  metric: CohortMetric;
  color: (value: number) => string;
  cell: (value: number) => string;
  full: (value: number) => string;
  active: CellPos;
  choose(pos: CellPos): void;
  focus(pos: CellPos, target: Element, text: string, size: number): void;
  hover(target: Element, text: string, size: number): void;
  hide(): void;
  keydown(event: KeyboardEvent): void;
}

/** The heatmap as a real table with role="grid": row and column headers, one roving-tabindex cell per value. */
export function heatmapTable(data: CohortTable, ctx: HeatmapContext) {
  const { f, period, metric } = ctx;
  const [one, many] = PERIOD_UNITS[period];
  const width = Math.max(...data.cohorts.map((c) => c.values.length));
  return html`<table part="table" role="grid" aria-label="${METRIC_LABELS[metric]} by ${many} since first order" @keydown=${ctx.keydown}>
    <thead>
      <tr class="group">
        <td colspan="2"></td>
        <th scope="colgroup" colspan=${width}>${many.charAt(0).toUpperCase() + many.slice(1)} since first order</th>
      </tr>
      <tr>
        <th scope="col">Cohort</th>
        <th scope="col" class="size-head">Customers</th>
        ${Array.from({ length: width }, (_, k) => html`<th scope="col"><span class="sr-only">${one} </span>${k}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${data.cohorts.map((c, row) => {
        const name = cohortLabel(c.start, period, f);
        return html`<tr>
          <th scope="row">${name}</th>
          <td class="size">${f.integer(c.size)}</td>
          ${Array.from({ length: width }, (_, col) => {
            const value = c.values[col];
            if (value === undefined || value === null) return html`<td class="blank"></td>`;
            const { fill, ink } = legibleFill(ctx.color(value));
            const text = `${name}, ${one} ${col}: ${METRIC_LABELS[metric]} ${ctx.full(value)}`;
            const isActive = ctx.active.row === row && ctx.active.col === col;
            return html`<td class="cell animate" part="cell" tabindex=${isActive ? 0 : -1}
              data-row=${row} data-col=${col} data-value=${value} ${inlineStyle({ background: fill, color: ink })}
              @click=${() => ctx.choose({ row, col })}
              @focus=${(e: Event) => ctx.focus({ row, col }, e.currentTarget as Element, text, c.size)}
              @pointerenter=${(e: Event) => ctx.hover(e.currentTarget as Element, text, c.size)}
              @pointerleave=${ctx.hide} @blur=${ctx.hide}>${ctx.cell(value)}</td>`;
          })}
        </tr>`;
      })}
    </tbody>
  </table>`;
}
