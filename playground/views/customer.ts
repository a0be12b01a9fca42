import { html } from 'lit';
import type { CustomerRow } from '../api.js';
import { segmentLabel } from './segment-names.js';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export function customerPage(c: CustomerRow | null | undefined, error?: string) {
  if (error) return html`<p class="error" role="alert">Could not load the customer: ${error}</p>`;
  if (c === undefined) return html`<p class="muted">Loading…</p>`;
  if (c === null) return html`<p>No such customer. <a href="#/customers">Back to customers</a></p>`;
  return html`
    <p><a href="#/customers">← Customers</a></p>
    <div class="page-head">
      <h1>${c.name || c.externalId}</h1>
      <p>External id ${c.externalId}${c.email ? html` · ${c.email}` : ''}${c.country ? html` · ${c.country}` : ''}</p>
    </div>
    <div class="facts">
      <div><span>Segment</span><strong>${segmentLabel(c.rfm?.segment)}</strong></div>
      <div><span>R · F · M scores</span><strong>${c.rfm ? `${c.rfm.r} · ${c.rfm.f} · ${c.rfm.m}` : '—'}</strong></div>
      <div><span>Last order</span><strong>${c.rfm ? `${c.rfm.recency} days ago` : '—'}</strong></div>
      <div><span>Orders</span><strong>${c.rfm?.frequency ?? '—'}</strong></div>
      <div><span>Spend</span><strong>${c.rfm ? money.format(c.rfm.monetary) : '—'}</strong></div>
    </div>
    <section class="card">
      <p class="muted">Where this customer sits among all customers (the pin marks R ${c.rfm?.r ?? '–'}, F ${c.rfm?.f ?? '–'}):</p>
      <rapport-segment-map locale="en-GB" heading="Segment" selected=${c.rfm?.segment ?? ''}
        .marker=${c.rfm ? { r: c.rfm.r, f: c.rfm.f, label: c.name ?? c.externalId } : undefined}
        @rapport-segment-select=${(e: CustomEvent<{ segment: string }>) => (location.hash = `#/customers?segment=${e.detail.segment}`)}></rapport-segment-map>
    </section>
  `;
}
