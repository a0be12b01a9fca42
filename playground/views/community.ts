import { html } from 'lit';
import type { EgoExpandDetail, GraphCustomerSelectDetail } from '../../widgets/index.js';
import { embedSnippet } from '../snippets.js';

/** Community managers' view: the influencer graph; a click opens the customer's CRM page. */
export interface CommunityNote {
  text: string;
  customer?: string;
}

export function community(note: CommunityNote, update: (note: CommunityNote) => void) {
  const onSelect = (e: CustomEvent<GraphCustomerSelectDetail>) =>
    update({ text: `${e.detail.name ?? e.detail.externalId}, community ${e.detail.community ?? '—'}`, customer: e.detail.id });
  const onEgo = (e: CustomEvent<EgoExpandDetail>) => update({ ...note, text: `Ego network: ${e.detail.nodes.length} customers within ${e.detail.radius} hop(s)` });
  return html`
    <div class="page-head">
      <h1>Community</h1>
      <p>Who talks to whom: communities, their value and mood, and the customers who carry the conversation.</p>
    </div>
    <section class="card">
      <p><output aria-live="polite">${note.text}</output>
        ${note.customer ? html` · <a href="#/customers/${encodeURIComponent(note.customer)}">Open customer page</a>` : ''}</p>
      <rapport-influencer-graph locale="en-GB" period="QUARTER" @rapport-customer-select=${onSelect} @rapport-ego-expand=${onEgo}></rapport-influencer-graph>
      ${embedSnippet('rapport-influencer-graph', 'period="QUARTER"', 'rapport-customer-select', '{ id, externalId, name, community, source }')}
    </section>
  `;
}
