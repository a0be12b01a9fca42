import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { delay } from './abort.js';
import { DEFAULT_TIMEOUT_MS, RapportClient } from './client.js';
import { connect, getConfig, onConfigure, pageLevel, rapportConfigContext } from './config.js';
import type { Connection, RapportConfig } from './config.js';
import { RapportError, describeFailure } from './errors.js';
import { formatters } from './format.js';
import { rapportEvent } from './events.js';
import { anchorAbove, renderTooltip } from './tooltip.js';
import type { TooltipState } from './tooltip.js';
import type { Formatters } from './format.js';

/**
 * What every Rapport widget shares: where its data comes from (the `data` property, else the GraphQL API named by
 * the `endpoint`/`token` attributes, a `<rapport-provider>`, or `Rapport.configure`), the loading / empty / error
 * states, locale, theme and event dispatch. Subclasses say how to load, when data is empty, and how to draw it.
 */
export abstract class RapportElement<T> extends LitElement {
  /** GraphQL endpoint; overrides `Rapport.configure`. With it set, the widget sends nothing until it has `token` too. */
  @property() endpoint?: string;
  /** Bearer token sent with every request; overrides `getToken`. `""` sends none (a dev server on loopback). */
  @property() token?: string;
  /** BCP 47 locale for numbers and dates; defaults to the nearest `lang` attribute, then the browser's. */
  @property() locale?: string;
  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** Data supplied by the host. When set, the widget makes no request at all. */
  @property({ attribute: false }) data?: T;

  @consume({ context: rapportConfigContext, subscribe: true })
  @state()
  protected contextConfig?: RapportConfig;

  @state() private configVersion = 0;
  /** The hover/focus card, if one is showing. */
  @state() protected tip?: TooltipState;
  private unsubscribe?: () => void;

  protected readonly task = new Task(this, {
    // null and undefined both mean "not supplied": fetch from the API, once it is known where and with what.
    task: async ([data], { signal }) => {
      if (data != null) return data as T;
      const connection = this.connection();
      if (connection) return this.load(this.clientFor(connection), signal);
      const missing = this.missingCredentials();
      if (!missing) return initialState;
      // An endpoint of its own and no credentials: wait for them (setting them reruns this task and aborts the wait),
      // but not silently for ever.
      await delay(this.timeoutMs(), signal);
      console.warn(`${this.localName} ${missing}`);
      throw new RapportError('UNCONFIGURED', `${this.localName} ${missing}`);
    },
    args: () => [this.data, this.endpoint, this.token, this.contextConfig, this.configVersion, ...this.loadArgs()] as unknown[],
    // The panel says it in plain words; the technical message is for the developer.
    onError: (error) => console.warn(`${this.localName}: could not load ${this.noun}`, error),
  });

  /** Fetches the widget's data from the API. */
  protected abstract load(client: RapportClient, signal: AbortSignal): Promise<T>;
  /** Inputs besides the data source that require a reload (attributes that are query variables). */
  protected loadArgs(): unknown[] {
    return [];
  }
  protected abstract isEmpty(data: T): boolean;
  protected abstract renderData(data: T): TemplateResult;
  /** Words for the empty and loading states, e.g. "segments". */
  protected abstract readonly noun: string;
  /** The widget's title, shown above its data and its loading, empty and error panels alike; '' shows none. */
  abstract heading: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onConfigure(() => this.configVersion++);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /**
   * Where requests go and with which credentials: the innermost endpoint of the element's attributes, the
   * provider's and `Rapport.configure`'s, with credentials of that level or one inside it, never from outside it
   * (kit/config.ts, `connect`). Undefined while that is not known yet: nothing is sent then.
   */
  protected connection(): Connection | undefined {
    const ctx = this.contextConfig;
    return connect(this.localName, [
      { endpoint: this.endpoint, credentials: this.token !== undefined ? { token: this.token } : undefined },
      { endpoint: ctx?.endpoint, credentials: ctx?.getToken ? { getToken: ctx.getToken } : undefined },
      pageLevel(),
    ]);
  }

  /**
   * What to set when the element or its provider has an endpoint but no credentials to go with it, as a sentence for
   * the console; undefined otherwise (the page level is known later, after configure or DOMContentLoaded).
   */
  private missingCredentials(): string | undefined {
    if (this.endpoint !== undefined) {
      return `has endpoint="${this.endpoint}" but no credentials yet: set its token attribute (token="" for none).`;
    }
    const ctx = this.contextConfig;
    if (ctx?.endpoint !== undefined) {
      return `is inside a <rapport-provider> with endpoint="${ctx.endpoint}" but no credentials yet: set the provider's getToken or token, or the element's token (token="" for none).`;
    }
    return undefined;
  }

  private timeoutMs(): number {
    return this.contextConfig?.timeoutMs ?? getConfig().timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The client for the configuration in force; throws `UNCONFIGURED` while `connection()` is undefined. */
  protected client(): RapportClient {
    const connection = this.connection();
    if (!connection) throw new RapportError('UNCONFIGURED', 'no endpoint with credentials of its own yet');
    return this.clientFor(connection);
  }

  private clientFor(connection: Connection): RapportClient {
    return new RapportClient({ ...connection, timeoutMs: this.timeoutMs() });
  }

  protected get format(): Formatters {
    const lang = this.locale ?? this.contextConfig?.locale ?? getConfig().locale ?? this.closest('[lang]')?.getAttribute('lang');
    return formatters(lang || navigator.language || 'en');
  }

  /** Dispatches a `rapport-*` event that bubbles out of the shadow root. */
  protected emit<D>(name: `rapport-${string}`, detail: D): void {
    this.dispatchEvent(rapportEvent(name, detail));
  }

  /** Shows the card above `target`; Escape or leaving the target hides it (WCAG 1.4.13). */
  protected showTip(target: Element, content: TemplateResult): void {
    const root = this.renderRoot.querySelector('.root');
    if (root) this.tip = { ...anchorAbove(target, root), content };
  }

  protected hideTip = (): void => {
    this.tip = undefined;
  };

  protected override render() {
    return html`<div class="root" part="root" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.hideTip()}>
      ${this.task.render({
        initial: () => this.renderState('loading', `Loading ${this.noun}…`),
        pending: () =>
          this.task.value !== undefined ? this.renderValue(this.task.value) : this.renderState('loading', `Loading ${this.noun}…`),
        complete: (value) => this.renderValue(value),
        error: (error) => this.renderError(error),
      })}
      ${renderTooltip(this.tip)}
    </div>`;
  }

  private renderValue(value: T) {
    return this.isEmpty(value) ? this.renderState('empty', `No ${this.noun} to show yet.`) : this.renderData(value);
  }

  private renderState(kind: 'loading' | 'empty', message: string) {
    return html`${this.renderHeading()}
      <div class="state" part=${kind} role="status" aria-busy=${kind === 'loading' ? 'true' : nothing}>${message}</div>`;
  }

  /** The heading row alone, so four untitled panels on one page can be told apart. */
  private renderHeading() {
    return this.heading ? html`<div class="header"><h2 part="heading">${this.heading}</h2></div>` : nothing;
  }

  private renderError(error: unknown) {
    const { sentence, detail } = describeFailure(error, this.noun);
    return html`${this.renderHeading()}
      <div class="state" part="error" role="alert">
        <span>${sentence}</span>
        <details><summary>Details</summary><small>${detail}</small></details>
        <button type="button" @click=${() => this.task.run()}>Retry</button>
      </div>`;
  }
}
