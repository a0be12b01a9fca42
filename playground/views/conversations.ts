import { html } from 'lit';
import type { CustomerSelectDetail } from '../../widgets/index.js';
import { embedSnippet } from '../snippets.js';

/** Support's view: every conversation as it arrives, with its sentiment. */
export function conversations(local: boolean, toggle: (local: boolean) => void) {
  const onCustomer = (e: CustomEvent<CustomerSelectDetail>) => (location.hash = `#/customers/${encodeURIComponent(e.detail.id)}`);
  return html`
    <div class="page-head">
      <h1>Conversations</h1>
      <p>Emails, chats, calls and posts, newest first, live. "Why?" shows the words behind a label.</p>
    </div>
    <section class="card">
      <label><input type="checkbox" .checked=${local} @change=${(e: Event) => toggle((e.target as HTMLInputElement).checked)} />
        Explain in this browser (classify="local": texts never leave the page)</label>
      <rapport-sentiment-feed locale="en-GB" classify=${local ? 'local' : 'server'} @rapport-customer-select=${onCustomer}></rapport-sentiment-feed>
      ${embedSnippet('rapport-sentiment-feed', 'channel="email" classify="local"', 'rapport-interaction-select', '{ id, externalId, customerId }')}
    </section>
  `;
}
