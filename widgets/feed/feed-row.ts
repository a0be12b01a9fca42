import { html, nothing } from 'lit';
import type { Formatters } from '../kit/format.js';
import { inlineStyle } from '../kit/inline-style.js';
import { CHANNEL_LABELS, channelIcon } from './channel-icons.js';
import { formatDateTime } from './time.js';
import type { FeedItem, TokenWeight } from './types.js';

export interface RowContext {
  f: Formatters;
  index: number;
  total: number;
  top: number;
  active: boolean;
  /** undefined: closed; null: loading; an array: the token weights; an Error: failed. */
  explanation: TokenWeight[] | null | Error | undefined;
  select(item: FeedItem): void;
  selectCustomer(item: FeedItem): void;
  toggleExplain(item: FeedItem): void;
  focus(index: number): void;
}

const LABEL_WORDS = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' } as const;

/**
 * One interaction. Every value from data goes through Lit's text bindings (`${...}` in content or attributes),
 * which set text nodes and attribute values: markup in a tweet or email is shown, never parsed. Names and texts
 * take their direction from their own first strong letter (dir="auto"), so Arabic or Hebrew reads right to left.
 */
export function feedRow(item: FeedItem, ctx: RowContext) {
  const s = item.sentiment;
  const p = s ? s.probabilities[s.label] : undefined;
  const who = item.customer?.name || item.author || item.customer?.externalId || 'Unknown customer';
  const when = formatDateTime(item.occurredAt, ctx.f.locale);
  const channel = CHANNEL_LABELS[item.channel] ?? item.channel;
  // Roving tab stops: only the active row and its buttons, so Tab leaves a feed of 500 rows in three presses.
  const stop = ctx.active ? 0 : -1;
  return html`<article class="row ${ctx.active ? 'active' : ''}" part="item" role="article" data-id=${item.id}
    aria-posinset=${ctx.index + 1} aria-setsize=${ctx.total} tabindex=${ctx.active ? 0 : -1}
    aria-label=${`${channel} from ${who}, ${when}${s ? `, ${s.label}` : ''}`}
    ${inlineStyle({ transform: `translateY(${ctx.top}px)` })} @focus=${() => ctx.focus(ctx.index)}
    @click=${(e: Event) => (e.target as Element).closest('button') || ctx.select(item)}>
    <div class="line1">
      <span class="channel" title=${channel}>${channelIcon(item.channel)}<span class="sr-only">${channel}</span></span>
      ${item.customer
        ? html`<button type="button" class="who" dir="auto" tabindex=${stop} @click=${() => ctx.selectCustomer(item)}>${who}</button>`
        : html`<span class="who" dir="auto">${who}</span>`}
      <time datetime=${item.occurredAt}>${when}</time>
      ${s
        ? html`<span class="badge ${s.label}" part="badge">${LABEL_WORDS[s.label] ?? s.label}${p != null ? html` <span class="p">${ctx.f.percentShort(p)}</span>` : nothing}</span>`
        : html`<span class="badge none" part="badge">Unclassified</span>`}
      <button type="button" class="why" tabindex=${stop} aria-expanded=${ctx.explanation !== undefined ? 'true' : 'false'}
        @click=${() => ctx.toggleExplain(item)}>Why?</button>
    </div>
    <p class="text" dir="auto">${item.text}</p>
    ${ctx.explanation !== undefined ? explanation(ctx.explanation) : nothing}
  </article>`;
}

function explanation(value: TokenWeight[] | null | Error) {
  if (value === null) return html`<div class="explain" part="explanation" role="status">Explaining…</div>`;
  if (value instanceof Error) return html`<div class="explain" part="explanation" role="alert">${value.message}</div>`;
  const max = Math.max(1e-9, ...value.map((t) => Math.abs(t.weight)));
  return html`<div class="explain" part="explanation" aria-label="Words that drove the label, strongest highlighted">
    ${value.map((t) => {
      const w = t.weight / max;
      const tone = w >= 0 ? 'up' : 'down';
      return html`<mark class=${tone} ${inlineStyle({ '--w': Math.abs(w).toFixed(2) })} title=${t.weight.toFixed(3)}>${t.token}</mark> `;
    })}
  </div>`;
}
