import { LitElement, html } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { rapportConfigContext } from './kit/config.js';
import type { RapportConfig } from './kit/config.js';

/**
 * Gives every Rapport widget inside it one configuration, for hosts that show several tenants or endpoints on
 * one page. Widgets' own attributes still win; outside any provider, `Rapport.configure` applies.
 *
 * @slot - The widgets.
 */
export class RapportProvider extends LitElement {
  /** GraphQL endpoint for the widgets inside. */
  @property() endpoint?: string;
  /** Bearer token for the widgets inside; `""` sends none (a dev server). With `endpoint` set, the widgets wait for this or `getToken`. */
  @property() token?: string;
  /** Locale for the widgets inside. */
  @property() locale?: string;
  /** Token source, called before each request (for short-lived tokens). Wins over `token`. */
  @property({ attribute: false }) getToken?: RapportConfig['getToken'];
  /** Milliseconds a query may take before the widgets show their error panel. @default 30000 */
  @property({ type: Number, attribute: 'timeout-ms' }) timeoutMs?: number;

  @provide({ context: rapportConfigContext })
  protected config: RapportConfig | undefined = undefined;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const token = this.token;
    this.config = {
      endpoint: this.endpoint,
      locale: this.locale,
      // Unset means "no credentials at this level" (see connect in kit/config.ts); '' means "none, on purpose".
      getToken: this.getToken ?? (token !== undefined ? () => token || undefined : undefined),
      timeoutMs: this.timeoutMs,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('rapport-provider')) customElements.define('rapport-provider', RapportProvider);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-provider': RapportProvider;
  }
}
