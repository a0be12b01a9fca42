import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { inlineStyle } from './inline-style.js';

export interface TooltipState {
  /** Anchor in px relative to the widget's root box: the tooltip sits above it (below if `below`), centred. */
  x: number;
  y: number;
  below: boolean;
  /** The root's inner width: the card is slid sideways (and narrowed) to stay inside it. */
  width: number;
  content: TemplateResult;
}

/** Room a card needs above its target; with less, it goes below instead of off the top of the widget. */
const ROOM_ABOVE = 140;

/** The hover/focus card. Hidden from assistive tech: the same facts are in each item's label and the data table. */
export function renderTooltip(tip: TooltipState | undefined) {
  if (!tip) return nothing;
  return html`<div class=${tip.below ? 'tooltip below' : 'tooltip'} part="tooltip" aria-hidden="true" ${inlineStyle({ top: `${tip.y}px`, '--_x': `${tip.x}px`, '--_w': `${tip.width}px` })}>${tip.content}</div>`;
}

/**
 * Anchor point just outside `target` (above, or below near the widget's top), relative to `root`. Never over the
 * target itself: the card would hide the label of the very item it describes.
 */
export function anchorAbove(target: Element, root: Element): Omit<TooltipState, 'content'> {
  const t = target.getBoundingClientRect();
  const r = root.getBoundingClientRect();
  // x and width in the root's padding box, which the card is positioned in (the root has a border).
  const x = t.left - r.left - root.clientLeft + t.width / 2;
  const below = t.top - r.top < ROOM_ABOVE;
  return { x, y: below ? t.bottom - r.top : t.top - r.top, below, width: root.clientWidth };
}

export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    z-index: 2;
    /* Centred on the anchor, but slid back inside the widget where the card is wider than the room on either side
       (percentages in translate are the card's own width). */
    left: 0;
    --_left: clamp(0px, calc(var(--_x) - 50%), calc(var(--_w) - 100%));
    transform: translate(var(--_left), calc(-100% - 8px));
    pointer-events: none;
    min-width: 180px;
    max-width: min(320px, var(--_w));
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
    transform: translate(var(--_left), 8px);
  }
  /* A name can be one unbroken 10,000-letter word: cut it at the card's edge (the item's own label has it all). */
  .tooltip strong {
    display: block;
    margin-bottom: 4px;
    overflow: hidden;
    text-overflow: ellipsis;
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
