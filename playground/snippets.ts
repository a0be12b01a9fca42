import { html } from 'lit';

/** "Embed this": the markup a CRM vendor pastes, shown as text (never parsed). */
export function embedSnippet(tag: string, attributes: string, event: string, detail: string) {
  const code = `<script type="module" src="https://your-rapport-host/widgets/rapport.js"></script>
<script type="module">
  import { Rapport } from 'https://your-rapport-host/widgets/rapport.js';
  Rapport.configure({ endpoint: 'https://your-rapport-host/graphql', getToken: () => myApp.rapportToken() });
</script>

<${tag} ${attributes}></${tag}>
<script>
  document.querySelector('${tag}')
    .addEventListener('${event}', (e) => console.log(e.detail /* ${detail} */));
</script>`;
  return html`<details class="embed">
    <summary>Embed this</summary>
    <pre><code>${code}</code></pre>
    <button type="button" @click=${(e: Event) => copy(e, code)}>Copy</button>
  </details>`;
}

async function copy(event: Event, text: string): Promise<void> {
  const button = event.currentTarget as HTMLButtonElement;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Select the text to copy';
  }
}
