import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RapportElement } from './kit/rapport-element.js';
import type { RapportClient } from './kit/client.js';
import { themeStyles } from './kit/theme.js';
import { feedStyles } from './feed/feed-styles.js';
import { feedList } from './feed/feed-list.js';
import { feedControls } from './feed/feed-controls.js';
import { sparkline } from './feed/sparkline.js';
import { mergeItems, normalizeItems } from './feed/merge.js';
import { summarize } from './feed/summary.js';
import { layoutRows, visibleRange } from './feed/virtual-window.js';
import type { RowLayout } from './feed/virtual-window.js';
import { fetchItems, fetchSummary } from './feed/query.js';
import { LiveFeedController } from './feed/live-controller.js';
import type { LiveStatus } from './feed/live-controller.js';
import { explainText } from './feed/explain.js';
import { labelLocally } from './feed/local-labels.js';
import { ARTICLE_KEYS, feedExit, nextIndex } from './feed/keys.js';
import { focusOutside } from './kit/focus-order.js';
import { ArrivalAnnouncer } from './feed/arrival-announcer.js';
import type { CustomerSelectDetail, FeedData, FeedItem, InteractionSelectDetail, SentimentPoint, TokenWeight } from './feed/types.js';

const EXPLAIN_HEIGHT = 64;

/**
 * A live list of customer interactions, newest first: channel, customer, time, the text (always as text), the
 * predicted sentiment with its probability and, on demand, the words that drove it; a sparkline of net sentiment
 * over time. New interactions stream in over Server-Sent Events; after a dropped connection the feed reconnects and
 * refetches what it missed, merging by id. Only the rows in view are in the DOM, so 10,000 items scroll smoothly.
 * Page Up/Down (from anywhere in an item), arrow keys and Home/End move between items; Enter selects one;
 * Ctrl+End / Ctrl+Home leave the feed. Only the active item and its buttons are tab stops.
 *
 * @fires rapport-interaction-select - An item was clicked or chosen with Enter. `detail: { id, externalId, customerId }`.
 * @fires rapport-customer-select - A customer name was clicked. `detail: { id, externalId, name }`.
 * @csspart root - The widget's box.
 * @csspart item - Each interaction row.
 * @csspart badge - The sentiment badge.
 * @csspart explanation - The highlighted tokens under an item.
 * @csspart sparkline - The net sentiment trend.
 * @csspart loading - The loading panel.
 * @csspart empty - The panel shown when there is nothing to draw.
 * @csspart error - The error panel, with a Retry button.
 * @cssprop --rapport-background - Widget background.
 * @cssprop --rapport-foreground - Text colour.
 * @cssprop --rapport-muted - Secondary text.
 * @cssprop --rapport-border - Border colour.
 * @cssprop --rapport-accent - Links, buttons and the sparkline.
 * @cssprop --rapport-positive - Positive badge and highlights.
 * @cssprop --rapport-neutral - Neutral badge.
 * @cssprop --rapport-negative - Negative badge and highlights.
 * @cssprop --rapport-feed-height - Height of the scrolling list (default 480px).
 * @cssprop --rapport-font-family - Defaults to the host page's font.
 */
export class RapportSentimentFeed extends RapportElement<FeedData> {
  static override styles = [themeStyles, feedStyles];

  /** Only this channel (`social`, `email`, `chat`, `call`, `meeting`, `note`, `review`); empty for all. */
  @property({ reflect: true }) channel = '';
  /** Only this predicted label (`positive`, `neutral`, `negative`); empty for all. */
  @property({ reflect: true }) sentiment = '';
  /** Sparkline buckets: `DAY`, `WEEK` or `MONTH`. */
  @property() trend = 'WEEK';
  /** How many of the newest interactions to load first. */
  @property({ type: Number }) limit = 500;
  /** `off` stops the live subscription. */
  @property() live: 'on' | 'off' = 'on';
  /** `local` labels and explains texts in this page with onnxruntime-web (texts never leave it); `server` asks the API. */
  @property() classify: 'server' | 'local' = 'server';
  /** Where the server's models are published, for `classify="local"`; unset: `/models/` beside the bundle's server. */
  @property({ attribute: 'models-url' }) modelsUrl?: string;
  /** Heading shown above the list; empty hides it. */
  @property() heading = 'Conversations';
  /** Height of one row in px (match any `::part(item)` restyling). */
  @property({ type: Number, attribute: 'row-height' }) rowHeight = 84;

  @state() private items: FeedItem[] = [];
  @state() private listTop = 0;
  @state() private viewportHeight = 480;
  @state() private activeIndex = 0;
  @state() private explanations = new Map<string, TokenWeight[] | null | Error>();
  /** The polite live region's text: how many conversations arrived lately. */
  @state() private arrivals = '';

  protected readonly noun = 'conversations';
  private base?: FeedData;
  private summary: SentimentPoint[] = [];
  private shown: FeedItem[] = [];
  private filterKey: unknown[] = [];
  private layout: RowLayout = layoutRows(0, () => 0);
  private readonly liveController = new LiveFeedController(this);
  private generation = 0;
  /** The id of the keyboard-active item while a merge may move it, so activeIndex can follow it. */
  private followActive?: string;
  private readonly announcer = new ArrivalAnnouncer((text) => (this.arrivals = text));
  private frame = 0;
  private readonly resize = new ResizeObserver(([entry]) => entry && (this.viewportHeight = entry.contentRect.height || 480));

  /** The subscription's state: `off`, `connecting`, `live` or `reconnecting`. */
  get liveStatus(): LiveStatus {
    return this.liveController.status;
  }

  /** Every interaction the feed holds (all filters' worth in data mode), newest first. */
  get interactions(): readonly FeedItem[] {
    return this.items;
  }

  protected async load(client: RapportClient, signal: AbortSignal): Promise<FeedData> {
    const filters = { channel: this.channel, sentiment: this.sentiment };
    const [{ items, lastSequence }, summary] = await Promise.all([
      fetchItems(client, filters, this.limit, { signal }),
      fetchSummary(client, this.trendValue, this.channel, signal).catch(() => undefined),
    ]);
    return { items, summary, lastSequence };
  }

  protected override loadArgs(): unknown[] {
    return this.data == null ? [this.channel, this.sentiment, this.trendValue, this.limit] : [];
  }

  protected isEmpty(): boolean {
    return false;
  }

  private get trendValue(): string {
    const t = this.trend.toUpperCase();
    return t === 'DAY' || t === 'MONTH' ? t : 'WEEK';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    clearTimeout(this.trendTimer);
    this.trendTimer = undefined;
    this.announcer.stop();
    this.generation++;
  }

  protected override willUpdate(): void {
    const value = this.task.value;
    if (value && value !== this.base) {
      this.base = value;
      this.generation++;
      this.items = normalizeItems(value.items);
      this.explanations = new Map();
      this.activeIndex = 0;
    }
    const filterKey = [this.items, this.channel, this.sentiment];
    if (filterKey.some((v, i) => v !== this.filterKey[i])) {
      this.filterKey = filterKey;
      const { channel, sentiment } = this;
      this.shown = this.items.filter((i) => (!channel || i.channel === channel) && (!sentiment || i.sentiment?.label === sentiment));
      this.summary = this.base?.summary ?? summarize(this.shown);
      if (this.followActive !== undefined) {
        const index = this.shown.findIndex((i) => i.id === this.followActive);
        if (index >= 0) this.activeIndex = index;
      }
    }
    this.followActive = undefined;
    const open = this.explanations;
    this.layout = layoutRows(this.shown.length, (i) => this.rowHeight + (open.has(this.shown[i]!.id) ? EXPLAIN_HEIGHT : 0));
  }

  protected override updated(): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    if (viewport) this.resize.observe(viewport);
    const connection = this.connection();
    const live = this.data == null && this.live !== 'off' && this.base !== undefined && connection !== undefined;
    this.liveController.sync(live ? [connection.endpoint, this.token, this.channel, this.sentiment, this.generation].join('|') : '', () => ({
      ...connection!,
      client: this.client(),
      filters: { channel: this.channel, sentiment: this.sentiment },
      since: this.base?.lastSequence,
      add: (items) => {
        const known = new Set(this.items.map((i) => i.id));
        this.announcer.add(items.filter((i) => !known.has(i.id)).length);
        this.addItems(items);
        if (items.length) this.refreshTrend();
      },
      renumbered: () => void this.task.run(),
    }));
    if (this.classify === 'local' && this.items.some((i) => !i.sentiment)) this.labelPending();
  }

  private trendTimer?: ReturnType<typeof setTimeout>;
  /** Live items moved the numbers: refetch the sparkline, at most every 2 s. */
  private refreshTrend(): void {
    if (this.trendTimer) return;
    const base = this.base;
    this.trendTimer = setTimeout(() => {
      this.trendTimer = undefined;
      void fetchSummary(this.client(), this.trendValue, this.channel)
        .then((summary) => {
          if (this.base !== base || !base) return;
          base.summary = summary;
          this.summary = summary;
          this.requestUpdate();
        })
        .catch(() => undefined);
    }, 2_000);
  }

  private labelling = -1;
  private labelPending(): void {
    if (this.labelling === this.generation) return;
    const generation = (this.labelling = this.generation);
    void labelLocally(this.items, { modelsUrl: this.modelsUrl }, (labelled) => this.addItems(labelled), () => generation === this.generation)
      .catch((error) => console.warn('rapport/feed: local classification failed', error));
  }

  /** Merges items by id, keeping the rows in view where they are when items arrive above them. */
  private addItems(incoming: readonly FeedItem[]): void {
    const viewport = this.renderRoot.querySelector<HTMLElement>('.viewport');
    const anchor = viewport && viewport.scrollTop > 0 ? this.shown[visibleRange(this.layout, viewport.scrollTop, 0, 0)[0]] : undefined;
    const before = anchor ? this.layout.offsets[this.shown.indexOf(anchor)]! : 0;
    this.followActive = this.shown[this.activeIndex]?.id;
    this.items = mergeItems(this.items, incoming);
    if (!anchor || !viewport) return;
    void this.updateComplete.then(() => {
      const index = this.shown.findIndex((i) => i.id === anchor.id);
      if (index >= 0) viewport.scrollTop += this.layout.offsets[index]! - before;
    });
  }

  protected renderData(_data: FeedData) {
    const f = this.format;
    const [start, end] = visibleRange(this.layout, this.listTop, this.viewportHeight);
    const total = this.shown.length;
    return html`
      <div class="header">
        ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : ''}
        ${sparkline(this.summary, f, `Net sentiment by ${this.trendValue.toLowerCase()}`)}
      </div>
      ${feedControls({
        channel: this.channel,
        sentiment: this.sentiment,
        status: this.liveController.status,
        count: total,
        f,
        setChannel: (v) => (this.channel = v),
        setSentiment: (v) => (this.sentiment = v),
      })}
      ${total ? feedList({
        f,
        label: this.heading || 'Conversations',
        busy: this.task.status === 1,
        items: this.shown,
        layout: this.layout,
        range: [start, end],
        activeIndex: this.activeIndex,
        explanations: this.explanations,
        onScroll: this.onScroll,
        onKey: this.onKey,
        select: (i) => this.select(i),
        selectCustomer: (i) => this.selectCustomer(i),
        toggleExplain: (i) => void this.toggleExplain(i),
        focus: (index) => (this.activeIndex = index),
      }) : html`<div class="state" part="empty" role="status">${this.channel || this.sentiment ? `No ${this.noun} match these filters.` : `No ${this.noun} to show yet.`}</div>`}
      <div class="sr-only" role="status" aria-live="polite">${this.arrivals}</div>
    `;
  }

  private onScroll = (e: Event): void => {
    const target = e.currentTarget as HTMLElement;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => (this.listTop = target.scrollTop));
  };

  private onKey = async (e: KeyboardEvent): Promise<void> => {
    const viewport = e.currentTarget as HTMLElement;
    const exit = feedExit(e);
    if (exit) {
      if (focusOutside(viewport, exit)) e.preventDefault();
      return;
    }
    if ((e.target as Element).closest('button, select') && !ARTICLE_KEYS.has(e.key)) return;
    if (e.key === 'Enter') {
      const item = this.shown[this.activeIndex];
      if (item) this.select(item);
      return;
    }
    const next = nextIndex(e.key, this.activeIndex, this.shown.length);
    if (next === undefined) return;
    e.preventDefault();
    this.activeIndex = next;
    const top = this.layout.offsets[next]!;
    const bottom = this.layout.offsets[next + 1]!;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (bottom > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = bottom - viewport.clientHeight;
    this.listTop = viewport.scrollTop;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.row[aria-posinset="${next + 1}"]`)?.focus({ preventScroll: true });
  };

  private select(item: FeedItem): void {
    this.activeIndex = this.shown.indexOf(item);
    this.emit<InteractionSelectDetail>('rapport-interaction-select', { id: item.id, externalId: item.externalId, customerId: item.customer?.id ?? null });
  }

  private selectCustomer(item: FeedItem): void {
    const c = item.customer;
    if (c) this.emit<CustomerSelectDetail>('rapport-customer-select', { id: c.id, externalId: c.externalId, name: c.name });
  }

  private async toggleExplain(item: FeedItem): Promise<void> {
    const set = (v: TokenWeight[] | null | Error | undefined) => {
      const next = new Map(this.explanations);
      if (v === undefined) next.delete(item.id);
      else next.set(item.id, v);
      this.explanations = next;
    };
    if (this.explanations.has(item.id)) return set(undefined);
    set(null);
    try {
      const tokens = await explainText(item.text, this.classify, () => this.client(), this.modelsUrl);
      if (this.explanations.has(item.id)) set(tokens);
    } catch (error) {
      // The reader gets a sentence; the URL and status are for the developer.
      console.warn('rapport-sentiment-feed: could not explain a message', error);
      if (this.explanations.has(item.id)) set(new Error('Could not explain this message.'));
    }
  }
}

if (!customElements.get('rapport-sentiment-feed')) customElements.define('rapport-sentiment-feed', RapportSentimentFeed);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-sentiment-feed': RapportSentimentFeed;
  }
}
