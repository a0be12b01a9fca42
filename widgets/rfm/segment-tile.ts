import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Formatters } from '../kit/format.js';
import { legibleFill } from '../kit/contrast.js';
import { inlineStyle } from '../kit/inline-style.js';
import { describeSegment, segmentDetails } from './describe.js';
import type { Placement } from './placement.js';

export interface TileContext {
  f: Formatters;
  color: (value: number) => string;
  selected?: string;
  select(segment: string): void;
  show(target: Element, content: TemplateResult): void;
  hide(): void;
}

/** One segment as a button: label, count, share; the rest of its accessible name in visually hidden text. */
export function segmentTile(p: Placement, ctx: TileContext) {
  const { segment, label, f } = { ...p, f: ctx.f };
  const mean = segment.monetary?.mean;
  const filled = segment.customerCount > 0 && mean != null;
  const { fill, ink } = filled ? legibleFill(ctx.color(mean)) : { fill: 'var(--_surface)', ink: 'var(--_muted)' };
  const words = describeSegment(segment, f);
  const show = (e: Event) => ctx.show(e.currentTarget as Element, segmentDetails(label, segment, f, p.region));
  return html`<button type="button" class="segment animate ${p.size}" part="segment"
    data-segment=${segment.name} aria-pressed=${ctx.selected === segment.name ? 'true' : 'false'}
    ${inlineStyle({ ...p.style, background: fill, color: ink })}
    @click=${() => ctx.select(segment.name)} @pointerenter=${show} @focus=${show}
    @pointerleave=${ctx.hide} @blur=${ctx.hide}>
    <span class="label">${label}</span>
    <span class="count">${f.integer(segment.customerCount)}</span><span class="sr-only">${words.afterCount}</span>
    <span class="share">${f.percent(segment.share)}</span><span class="sr-only">${words.afterShare}</span>
  </button>`;
}

/** Axis titles and 1–5 ticks around the R×F grid (decorative: the segments carry the meaning). */
export function scoreAxes() {
  return html`<span class="axis-title y" aria-hidden="true">Frequency score (F) →</span>
    ${[5, 4, 3, 2, 1].map((s, i) => html`<span class="tick" aria-hidden="true" ${inlineStyle({ 'grid-column': 2, 'grid-row': i + 1 })}>${s}</span>`)}
    ${[1, 2, 3, 4, 5].map((s) => html`<span class="tick" aria-hidden="true" ${inlineStyle({ 'grid-column': s + 2, 'grid-row': 6 })}>${s}</span>`)}
    <span class="axis-title x" aria-hidden="true">Recency score (R) →</span>`;
}

/** A pin on one R, F cell (decorative: the host says in its own words whose scores these are). */
export function scoreMarker(marker: { r: number; f: number; label?: string } | undefined) {
  const valid = (s: number) => Number.isInteger(s) && s >= 1 && s <= 5;
  if (!marker || !valid(marker.r) || !valid(marker.f)) return nothing;
  return html`<span class="marker" part="marker" aria-hidden="true" ${inlineStyle({ 'grid-column': marker.r + 2, 'grid-row': 6 - marker.f })}>
    <span class="pin"></span>${marker.label ? html`<span class="pin-label">${marker.label}</span>` : nothing}
  </span>`;
}
