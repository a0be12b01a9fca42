import { css, html } from 'lit';
import { inlineStyle } from './inline-style.js';

export interface LegendOptions {
  label: string;
  domain: readonly [number, number];
  color: (value: number) => string;
  format: (value: number) => string;
}

/** A horizontal colour ramp with its end values; decorative, the numbers are in the accessible table. */
export function renderLegend({ label, domain, color, format }: LegendOptions) {
  const [lo, hi] = domain;
  const stops = Array.from({ length: 11 }, (_, i) => color(lo + ((hi - lo) * i) / 10)).join(', ');
  return html`<div class="legend" part="legend" aria-hidden="true">
    <span class="legend-label">${label}</span>
    <span class="legend-value">${format(lo)}</span>
    <span class="legend-ramp" ${inlineStyle({ background: `linear-gradient(to right, ${stops})` })}></span>
    <span class="legend-value">${format(hi)}</span>
  </div>`;
}

export const legendStyles = css`
  .legend {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 12px;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .legend-label {
    margin-inline-end: 4px;
  }
  .legend-ramp {
    display: block;
    width: min(200px, 40%);
    height: 10px;
    border-radius: 5px;
  }
  .legend-value {
    font-variant-numeric: tabular-nums;
  }
`;
