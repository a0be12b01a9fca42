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
  /** Rows [start, end) to put in the DOM. */
  range: [number, number];
  activeIndex: number;
  explanations: ReadonlyMap<string, TokenWeight[] | null | Error>;
  onScroll(e: Event): void;
  onKey(e: KeyboardEvent): void;
}

/** The scrolling `role="feed"`: a spacer as tall as every row, with only the rows in range drawn over it. */
export function feedList(ctx: ListContext) {
  const [start, end] = ctx.range;
  const total = ctx.items.length;
  return html`<div class="viewport" role="feed" @focusin=${(e: FocusEvent) => activate(e, ctx)}
    aria-busy=${ctx.busy ? 'true' : 'false'} aria-label=${ctx.label}
    @scroll=${ctx.onScroll} @keydown=${ctx.onKey}>
    <div class="spacer" ${inlineStyle({ height: `${ctx.layout.offsets[total] ?? 0}px` })}>
      ${repeat(
        ctx.items.slice(start, end),
        // Keyed by id: when items arrive above, each row's element (and the keyboard focus in it) moves with its item.
        (item) => item.id,
        (item, k) =>
          feedRow(item, {
            f: ctx.f,
            index: start + k,
            total,
            top: ctx.layout.offsets[start + k]!,
            active: start + k === ctx.activeIndex,
            explanation: ctx.explanations.get(item.id),
            select: ctx.select,
            selectCustomer: ctx.selectCustomer,
            toggleExplain: ctx.toggleExplain,
            focus: ctx.focus,
          }),
      )}
    </div>
  </div>`;
}

/** Focus entering a row (the row itself or one of its buttons, by Tab or click) makes that row the active one. */
function activate(e: FocusEvent, ctx: ListContext): void {
  const row = (e.target as Element).closest('.row');
  if (row) ctx.focus(Number(row.getAttribute('aria-posinset')) - 1);
}
