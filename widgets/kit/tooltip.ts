import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { inlineStyle } from './inline-style.js';

export interface TooltipState {
  /** Anchor in px relative to the widget's root box: the tooltip sits above it (below if `below`), centred. */
  x: number;
  y: number;
  below: boolean;
  content: TemplateResult;
}

/** Room a card needs above its target; with less, it goes below instead of off the top of the widget. */
const ROOM_ABOVE = 140;

/** The hover/focus card. Hidden from assistive tech: the same facts are in each item's label and the data table. */
export function renderTooltip(tip: TooltipState | undefined) {
  if (!tip) return nothing;
  return html`<div class=${tip.below ? 'tooltip below' : 'tooltip'} part="tooltip" aria-hidden="true" ${inlineStyle({ left: `${tip.x}px`, top: `${tip.y}px` })}>${tip.content}</div>`;
}

/**
 * Anchor point just outside `target` (above, or below near the widget's top), relative to `root`. Never over the
 * target itself: the card would hide the label of the very item it describes.
 */
export function anchorAbove(target: Element, root: Element): { x: number; y: number; below: boolean } {
  const t = target.getBoundingClientRect();
  const r = root.getBoundingClientRect();
  const x = t.left - r.left + t.width / 2;
  const below = t.top - r.top < ROOM_ABOVE;
  // Keep the card inside the widget horizontally.
  return { x: Math.max(100, Math.min(r.width - 100, x)), y: below ? t.bottom - r.top : t.top - r.top, below };
}

export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    z-index: 2;
    transform: translate(-50%, calc(-100% - 8px));
    pointer-events: none;
    min-width: 180px;
    max-width: 320px;
    padding: 8px 10px;
    border-radius: 6px;
    background: var(--rapport-tooltip-background, #0f1720);
    color: var(--rapport-tooltip-foreground, #f4f6f9);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    font-size: 0.85em;
    line-height: 1.35;
    white-space: nowrap;
  }
  .tooltip.below {
    transform: translate(-50%, 8px);
  }
  .tooltip strong {
    display: block;
    margin-bottom: 4px;
  }
  .tooltip table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .tooltip th,
  .tooltip td {
    padding: 1px 6px 1px 0;
    text-align: end;
    font-weight: normal;
  }
  .tooltip th:first-child {
    text-align: start;
    opacity: 0.8;
  }
`;
