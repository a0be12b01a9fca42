import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Formatters } from '../kit/format.js';
import { inlineStyle } from '../kit/inline-style.js';
import { feedRow } from './feed-row.js';
import type { RowContext } from './feed-row.js';
import type { RowLayout } from './virtual-window.js';
import type { FeedItem, TokenWeight } from './types.js';

export interface ListContext extends Pick<RowContext, 'select' | 'selectCustomer' | 'toggleExplain' | 'focus'> {
  f: Formatters;
  label: string;
  busy: boolean;
  items: readonly FeedItem[];
  layout: RowLayout;
  /** Rows [start, end) in view (plus overscan); the active row is drawn too, wherever it is. */
  range: [number, number];
  activeIndex: number;
  explanations: ReadonlyMap<string, TokenWeight[] | null | Error>;
  onScroll(e: Event): void;
  onKey(e: KeyboardEvent): void;
}

/** The scrolling `role="feed"`: a spacer as tall as every row, with only the rows in range drawn over it. */
export function feedList(ctx: ListContext) {
  const total = ctx.items.length;
  return html`<div class="viewport" role="feed" @focusin=${(e: FocusEvent) => activate(e, ctx)}
    aria-busy=${ctx.busy ? 'true' : 'false'} aria-label=${ctx.label}
    @scroll=${ctx.onScroll} @keydown=${ctx.onKey}>
    <div class="spacer" ${inlineStyle({ height: `${ctx.layout.offsets[total] ?? 0}px` })}>
      ${repeat(
        drawnRows(ctx.range, ctx.activeIndex, total),
        // Keyed by id: when items arrive above, each row's element (and the keyboard focus in it) moves with its item.
        (index) => ctx.items[index]!.id,
        (index) =>
          feedRow(ctx.items[index]!, {
            f: ctx.f,
            index,
            total,
            top: ctx.layout.offsets[index]!,
            active: index === ctx.activeIndex,
            explanation: ctx.explanations.get(ctx.items[index]!.id),
            select: ctx.select,
            selectCustomer: ctx.selectCustomer,
            toggleExplain: ctx.toggleExplain,
            focus: ctx.focus,
          }),
      )}
    </div>
  </div>`;
}

/**
 * The rows to draw: those in range, and the keyboard-active row wherever it is, in document order. The active row is
 * the feed's one Tab stop, so it stays in the DOM (off screen) when scrolling leaves it behind.
 */
export function drawnRows([start, end]: readonly [number, number], active: number, total: number): number[] {
  const rows = Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
  if (active < 0 || active >= total || (active >= start && active < end)) return rows;
  return active < start ? [active, ...rows] : [...rows, active];
}

/** Focus entering a row (the row itself or one of its buttons, by Tab or click) makes that row the active one. */
function activate(e: FocusEvent, ctx: ListContext): void {
  const row = (e.target as Element).closest('.row');
  if (row) ctx.focus(Number(row.getAttribute('aria-posinset')) - 1);
}
