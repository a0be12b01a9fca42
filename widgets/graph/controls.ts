import { html, nothing } from 'lit';
import { ROLES } from './types.js';
import type { GraphFilters, GraphNode } from './types.js';

export interface ControlsContext {
  filters: GraphFilters;
  communities: readonly string[];
  segments: readonly string[];
  setFilter(key: keyof GraphFilters, value: string): void;
  query: string;
  matches: readonly GraphNode[];
  search(query: string): void;
  pick(node: GraphNode): void;
}

const pretty = (s: string) => s.toLowerCase().replaceAll('_', ' ');

function select(label: string, key: keyof GraphFilters, options: ReadonlyArray<[string, string]>, ctx: ControlsContext) {
  return html`<label>${label}
    <select data-filter=${key} @change=${(e: Event) => ctx.setFilter(key, (e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!ctx.filters[key]}>All</option>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${ctx.filters[key] === v}>${text}</option>`)}
    </select>
  </label>`;
}

/** Search by name and the community / role / segment / sentiment filters. */
export function graphControls(ctx: ControlsContext) {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && ctx.matches[0]) ctx.pick(ctx.matches[0]);
  };
  return html`<div class="controls" part="controls">
    <div class="search">
      <input type="search" placeholder="Find a customer" aria-label="Find a customer by name" .value=${ctx.query}
        @input=${(e: Event) => ctx.search((e.target as HTMLInputElement).value)} @keydown=${onKey} />
      ${ctx.query && ctx.matches.length
        ? html`<ul class="matches" aria-label="Matching customers">
            ${ctx.matches.map((n) => html`<li><button type="button" dir="auto" data-id=${n.id} @click=${() => ctx.pick(n)}>${n.name || n.externalId || n.id}</button></li>`)}
          </ul>`
        : ctx.query
          ? html`<span class="meta">No match</span>`
          : nothing}
    </div>
    ${select('Community', 'community', ctx.communities.map((c) => [c, c]), ctx)}
    ${select('Role', 'role', ROLES.map((r) => [r, pretty(r)]), ctx)}
    ${select('Segment', 'segment', ctx.segments.map((s) => [s, pretty(s)]), ctx)}
    ${select('Sentiment', 'sentiment', [['positive', 'positive'], ['neutral', 'neutral'], ['negative', 'negative']], ctx)}
  </div>`;
}

export interface SliderContext {
  windows: ReadonlyArray<{ index: number; label: string }>;
  index: number;
  change(index: number): void;
  events: readonly string[];
}

/** Replays community evolution: the last stop is the current network, the others are time windows. */
export function timeSlider(ctx: SliderContext) {
  if (!ctx.windows.length) return nothing;
  const last = ctx.windows.length;
  const at = ctx.index < 0 ? last : ctx.index;
  const label = ctx.index < 0 ? 'Now' : (ctx.windows[ctx.index]?.label ?? '');
  return html`<div class="time" part="time-slider">
    <label>Time window
      <input type="range" min="0" max=${last} step="1" .value=${String(at)} aria-valuetext=${label}
        @input=${(e: Event) => {
          const v = Number((e.target as HTMLInputElement).value);
          ctx.change(v >= last ? -1 : v);
        }} />
    </label>
    <output>${label}</output>
    ${ctx.events.length ? html`<ul class="events" aria-label="Changes in this window">${ctx.events.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
  </div>`;
}
