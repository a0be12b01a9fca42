import { html } from 'lit';
import type { Formatters } from '../kit/format.js';
import { CHANNEL_LABELS } from './channel-icons.js';
import { CHANNELS, LABELS } from './types.js';

export interface ControlsContext {
  channel: string;
  sentiment: string;
  status: 'off' | 'connecting' | 'live' | 'reconnecting';
  count: number;
  f: Formatters;
  setChannel(value: string): void;
  setSentiment(value: string): void;
}

const STATUS = { off: '', connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

/** Channel and sentiment filters, the item count and the live connection's state. */
export function feedControls(ctx: ControlsContext) {
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  return html`<div class="controls" part="controls">
    <label>Channel
      <select @change=${(e: Event) => ctx.setChannel(value(e))}>
        <option value="" ?selected=${!ctx.channel}>All</option>
        ${CHANNELS.map((c) => html`<option value=${c} ?selected=${ctx.channel === c}>${CHANNEL_LABELS[c]}</option>`)}
      </select>
    </label>
    <label>Sentiment
      <select @change=${(e: Event) => ctx.setSentiment(value(e))}>
        <option value="" ?selected=${!ctx.sentiment}>All</option>
        ${LABELS.map((l) => html`<option value=${l} ?selected=${ctx.sentiment === l}>${l[0]!.toUpperCase() + l.slice(1)}</option>`)}
      </select>
    </label>
    <span class="meta count">${ctx.f.integer(ctx.count)} shown</span>
    <span class="status ${ctx.status}" role="status">${STATUS[ctx.status]}</span>
  </div>`;
}
