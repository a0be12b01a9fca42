import { html } from 'lit';
import type { CustomerPage, CustomerRow } from '../api.js';
import { SEGMENTS, segmentLabel } from './segment-names.js';

export interface CustomersState {
  segment?: string;
  search?: string;
  page?: CustomerPage;
  rows: CustomerRow[];
  error?: string;
  loading: boolean;
}

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

export function customers(state: CustomersState, actions: { filter(segment?: string, search?: string): void; more(): void }) {
  return html`
    <div class="page-head">
      <h1>Customers</h1>
      <p>${state.page ? `${state.page.totalCount.toLocaleString('en-GB')} customers` : ''}${state.segment ? ` in ${segmentLabel(state.segment)}` : ''}</p>
    </div>
    <form class="filters" role="search" @submit=${(e: Event) => {
      e.preventDefault();
      const form = new FormData(e.target as HTMLFormElement);
      actions.filter(String(form.get('segment') || '') || undefined, String(form.get('search') || '') || undefined);
    }}>
      <label>Search <input name="search" type="search" .value=${state.search ?? ''} placeholder="Name, id or email" /></label>
      <label>Segment
        <select name="segment">
          <option value="">All segments</option>
          ${SEGMENTS.map((s) => html`<option value=${s.name} ?selected=${s.name === state.segment}>${s.label}</option>`)}
        </select>
      </label>
      <button type="submit">Apply</button>
    </form>
    ${state.error ? html`<p class="error" role="alert">Could not load customers: ${state.error}</p>` : ''}
    <table class="list">
      <thead><tr><th>Customer</th><th>External id</th><th>Country</th><th>Segment</th><th class="num">Recency (days)</th><th class="num">Orders</th><th class="num">Spend</th></tr></thead>
      <tbody>
        ${!state.loading && !state.error && state.rows.length === 0
          ? html`<tr><td colspan="7" class="muted">No customers match. Import some with <code>npx rapport import customers FILE</code>.</td></tr>`
          : ''}
        ${state.rows.map(
          (c) => html`<tr>
            <td><a href="#/customers/${encodeURIComponent(c.id)}">${c.name || c.externalId}</a></td>
            <td>${c.externalId}</td>
            <td>${c.country ?? ''}</td>
            <td>${c.rfm ? html`<span class="badge" data-segment=${c.rfm.segment}>${segmentLabel(c.rfm.segment)}</span>` : '—'}</td>
            <td class="num">${c.rfm?.recency ?? '—'}</td>
            <td class="num">${c.rfm?.frequency ?? '—'}</td>
            <td class="num">${c.rfm ? money.format(c.rfm.monetary) : '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${state.loading ? html`<p class="muted">Loading…</p>` : ''}
    ${state.page?.pageInfo.hasNextPage && !state.loading ? html`<button class="more" @click=${actions.more}>Load more</button>` : ''}
  `;
}
