import { html, nothing } from 'lit';
import type { Formatters } from '../kit/format.js';
import { inlineStyle } from '../kit/inline-style.js';
import type { CommunityInfo, GraphNode } from './types.js';

const signed = (f: Formatters, v: number | null | undefined) => (v == null ? '—' : `${v > 0 ? '+' : ''}${f.decimal(v, 2)}`);

export interface LegendContext {
  f: Formatters;
  selected: string;
  color(id: string): string;
  toggle(id: string): void;
}

/** Side legend: every community with its size, value and net sentiment; a click filters to it. */
export function communityLegend(communities: readonly CommunityInfo[], ctx: LegendContext) {
  return html`<ul class="legend" part="legend" aria-label="Communities">
    ${communities.map(
      (c) => html`<li><button type="button" aria-pressed=${ctx.selected === c.id ? 'true' : 'false'} data-community=${c.id} @click=${() => ctx.toggle(c.id)}>
        <span class="swatch" ${inlineStyle({ background: ctx.color(c.id) })}></span>
        <span class="name">Community ${c.id}</span>
        <span class="size">${ctx.f.integer(c.size)}</span>
        <span class="value" title="Value">${c.value == null ? '—' : ctx.f.compact(c.value)}</span>
        <span class="net" title="Net sentiment">${signed(ctx.f, c.sentiment)}</span>
      </button></li>`,
    )}
  </ul>`;
}

/** Visually hidden tables with the same facts as the drawing, for screen readers and as the no-WebGL fallback. */
export function graphTables(communities: readonly CommunityInfo[], influencers: readonly GraphNode[], f: Formatters, visible: boolean) {
  return html`<div class=${visible ? 'tables' : 'sr-only'}>
    <table class="communities">
      <caption>Communities</caption>
      <thead><tr><th scope="col">Community</th><th scope="col">Customers</th><th scope="col">Value</th><th scope="col">Net sentiment</th></tr></thead>
      <tbody>${communities.map((c) => html`<tr data-community=${c.id}><th scope="row">${c.id}</th><td>${f.integer(c.size)}</td><td>${c.value == null ? '—' : f.decimal(c.value, 0)}</td><td>${signed(f, c.sentiment)}</td></tr>`)}</tbody>
    </table>
    <table class="influencers">
      <caption>Most influential customers</caption>
      <thead><tr><th scope="col">Rank</th><th scope="col">Customer</th><th scope="col">Community</th><th scope="col">Influence score</th></tr></thead>
      <tbody>${influencers.map((n, i) => html`<tr data-id=${n.id}><td>${i + 1}</td><th scope="row" dir="auto">${n.name || n.externalId || n.id}</th><td>${n.community ?? '—'}</td><td>${n.influence == null ? '—' : f.decimal(n.influence, 1)}</td></tr>`)}</tbody>
    </table>
  </div>`;
}

export interface DetailContext {
  f: Formatters;
  egoRadius: number | null;
  expand(radius: number): void;
  close(): void;
}

/** The chosen customer's facts and the ego-network buttons. */
export function nodeDetails(node: GraphNode | null, ctx: DetailContext) {
  if (!node) return nothing;
  const f = ctx.f;
  return html`<section class="details" part="details" aria-label="Selected customer">
    <strong dir="auto">${node.name || node.externalId || node.id}</strong>
    <dl>
      <dt>Community</dt><dd>${node.community ?? '—'}</dd>
      <dt>Role</dt><dd>${node.role ? node.role.toLowerCase().replace('_', '-') : '—'}</dd>
      <dt>Segment</dt><dd>${node.segment?.replaceAll('_', ' ') ?? '—'}</dd>
      <dt>Influence</dt><dd>${node.influence == null ? '—' : f.decimal(node.influence, 1)}</dd>
      <dt>Net sentiment</dt><dd>${signed(f, node.sentiment)}</dd>
    </dl>
    <div class="ego" role="group" aria-label="Ego network">
      ${[1, 2].map((r) => html`<button type="button" data-radius=${r} aria-pressed=${ctx.egoRadius === r ? 'true' : 'false'} @click=${() => ctx.expand(r)}>Ego network, ${r} hop${r > 1 ? 's' : ''}</button>`)}
      <button type="button" class="close" @click=${ctx.close}>Clear</button>
    </div>
  </section>`;
}
