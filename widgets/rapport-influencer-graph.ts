import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RapportElement } from './kit/rapport-element.js';
import type { RapportClient } from './kit/client.js';
import { themeStyles } from './kit/theme.js';
import { graphStyles } from './graph/graph-styles.js';
import { fetchEgo, fetchNetwork, type LoadProgress } from './graph/query.js';
import { paletteColor } from './graph/palette.js';
import { NO_FILTERS } from './graph/view-state.js';
import type { ViewState } from './graph/view-state.js';
import { describeEvent, windowMembership } from './graph/evolution.js';
import { graphControls, timeSlider } from './graph/controls.js';
import { communityLegend, graphTables, nodeDetails } from './graph/panels.js';
import { hasWebGL } from './graph/webgl.js';
import { searchNodes } from './graph/search.js';
import { cycleIndex, describeInfluencer } from './graph/influencer-cycle.js';
import type { LabelStyle, Scene } from './graph/scene.js';
import type { LayoutResult } from './graph/layout.js';
import type { EgoExpandDetail, GraphCustomerSelectDetail, GraphFilters, GraphNode, NetworkData, WindowChangeDetail } from './graph/types.js';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The customer network drawn with sigma (WebGL): nodes coloured by community and sized by influence, the leading
 * influencers labelled, laid out by ForceAtlas2 in a web worker and then noverlap. Hover lights a customer's
 * neighbours; search, filters by community, role, RFM segment and sentiment; a time slider replays community
 * evolution; a legend lists communities with size, value and net sentiment. With the graph focused, arrow keys
 * cycle through the top influencers, Enter selects one and E expands its ego network. Under
 * prefers-reduced-motion the nodes are not shown moving: "Laying out…" until the layout is stable, then the result.
 *
 * @fires rapport-customer-select - A customer was clicked, found or chosen with Enter. `detail: { id, externalId, name, community, source }`.
 * @fires rapport-ego-expand - An ego network was expanded. `detail: { id, radius, nodes, edges }`.
 * @fires rapport-window-change - The time slider moved. `detail: { index, label, events }` (index −1 = now).
 * @fires rapport-layout-stable - The layout stopped. `detail: { ms, stoppedBy: 'stable' | 'time-cap', iterations, movement }`.
 * @csspart root - The widget's box.
 * @csspart controls - Search and filters.
 * @csspart time-slider - The evolution slider and the window's events.
 * @csspart legend - The community list.
 * @csspart details - The selected customer's panel.
 * @csspart loading - The loading panel.
 * @csspart empty - The panel shown when there is nothing to draw.
 * @csspart error - The error panel, with a Retry button.
 * @cssprop --rapport-background - Widget background.
 * @cssprop --rapport-foreground - Text colour.
 * @cssprop --rapport-muted - Secondary text.
 * @cssprop --rapport-border - Border colour.
 * @cssprop --rapport-accent - Buttons.
 * @cssprop --rapport-graph-height - Height of the drawing (default 520px).
 * @cssprop --rapport-graph-background - Background of the drawing.
 * @cssprop --rapport-font-family - Defaults to the host page's font.
 */
export class RapportInfluencerGraph extends RapportElement<NetworkData> {
  static override styles = [themeStyles, graphStyles];

  /** Evolution windows: `MONTH`, `QUARTER` or `YEAR`. */
  @property() period = 'QUARTER';
  /** How many of the most influential customers are labelled at any zoom (unless the label would cover a more influential one's). */
  @property({ type: Number }) labels = 12;
  /** Heading shown above the graph; empty hides it. */
  @property() heading = 'Influencers';

  @state() private filters: GraphFilters = NO_FILTERS;
  @state() private windowIndex = -1;
  @state() private focusId: string | null = null;
  @state() private selected: GraphNode | null = null;
  @state() private ego: Set<string> | null = null;
  @state() private egoRadius: number | null = null;
  @state() private query = '';
  @state() private announcement = '';
  @state() private layout?: LayoutResult;
  /** Ties loaded so far while the API pages through `network.edges`. */
  @state() private progress: LoadProgress | null = null;

  protected get noun(): string {
    const p = this.progress;
    return p ? `network: ${this.format.integer(p.edges)} of ${this.format.integer(p.totalEdges)} ties` : 'network';
  }
  private scene?: Scene;
  private sceneData?: NetworkData;
  private loading?: Promise<void>;
  private byId = new Map<string, GraphNode>();
  private membership: Map<string, string> | null = null;
  private colorIndex = new Map<string, number>();
  private cycle = -1;
  private readonly webgl = hasWebGL();
  /** The theme may have changed since the scene got its label colour and font: read them again at the next update. */
  private labelStyleStale = false;
  private readonly colorScheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly onColorScheme = () => {
    this.labelStyleStale = true;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.colorScheme.addEventListener('change', this.onColorScheme);
  }

  protected async load(client: RapportClient, signal: AbortSignal): Promise<NetworkData> {
    try {
      return await fetchNetwork(client, this.periodValue, signal, (p) => !signal.aborted && (this.progress = p));
    } finally {
      if (!signal.aborted) this.progress = null;
    }
  }

  protected override loadArgs(): unknown[] {
    return [this.periodValue];
  }

  protected isEmpty(data: NetworkData): boolean {
    return !data.nodes?.length;
  }

  private get periodValue(): string {
    const p = this.period.toUpperCase();
    return p === 'MONTH' || p === 'YEAR' ? p : 'QUARTER';
  }

  /** Counts of nodes and ties drawn and hidden, and layout timings (for hosts' diagnostics and tests). */
  stats() {
    const scene = this.scene?.stats() ?? { nodes: 0, edges: 0, visibleNodes: 0, visibleEdges: 0, stable: false };
    const layout = this.layout;
    return { ...scene, layoutMs: layout?.ms, stoppedBy: layout?.stoppedBy, iterations: layout?.iterations, firstRenderMs: this.scene?.firstRenderMs };
  }

  /** The graphology graph being drawn (nodes keyed by Customer id, attributes `node` and `community`; read it, do not change it). */
  get graph(): Scene['graph'] | undefined {
    return this.scene?.graph;
  }

  /** Where a customer's node is drawn, in CSS pixels relative to the viewport; null when not drawn. */
  nodePosition(id: string): { x: number; y: number } | null {
    const p = this.scene?.position(id);
    const box = this.renderRoot.querySelector('.canvas')?.getBoundingClientRect();
    return p && box ? { x: box.left + p.x, y: box.top + p.y } : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.colorScheme.removeEventListener('change', this.onColorScheme);
    this.scene?.destroy();
    this.scene = undefined;
    this.sceneData = undefined;
  }

  private view = (): ViewState => ({
    filters: this.filters,
    window: this.membership,
    focus: this.focusId,
    ego: this.ego,
    hideEdges: false,
    colorOf: (group, inWindow) => (group == null ? '#9aa3ad' : paletteColor(this.colorIndex.get(`${inWindow ? 't' : 'c'}${group}`) ?? 0)),
  });

  private indexed?: NetworkData;
  protected override willUpdate(): void {
    const data = this.task.value;
    if (!data || data === this.indexed) return;
    this.indexed = data;
    this.byId = new Map(data.nodes.map((n) => [n.id, n]));
    this.colorIndex = new Map([
      ...data.communities.map((c, i) => [`c${c.id}`, i] as const),
      ...(data.evolution?.tracks ?? []).map((t, i) => [`t${t.id}`, i] as const),
    ]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const data = this.task.value;
    const container = this.renderRoot.querySelector<HTMLElement>('.canvas');
    if (data && container && this.webgl && data !== this.sceneData && !this.loading) this.loading = this.mount(data, container);
    else if (this.scene) {
      // Computed styles only when the theme can have changed, not on every hover's update.
      if (this.labelStyleStale || changed.has('theme')) this.scene.setLabelStyle(this.labelStyle());
      this.labelStyleStale = false;
      this.scene.refresh();
    }
  }

  /** The widget's text colour and font family, which canvas labels cannot inherit by themselves. */
  private labelStyle(): LabelStyle {
    const root = this.renderRoot.querySelector('.root');
    const computed = root ? getComputedStyle(root) : undefined;
    return { color: computed?.color || '#1f2733', font: computed?.fontFamily || 'sans-serif' };
  }

  private async mount(data: NetworkData, container: HTMLElement): Promise<void> {
    try {
      this.scene?.destroy();
      this.sceneData = data;
      this.layout = undefined;
      this.resetView();
      const { createScene } = await import('./graph/scene.js');
      if (this.sceneData !== data) return;
      this.scene = createScene(container, data, {
        labels: this.labels,
        reducedMotion: reducedMotion(),
        labelStyle: this.labelStyle(),
        view: this.view,
        onClick: (id) => this.select(id, 'click'),
        onHover: (id) => {
          if (!this.ego) this.focusId = id;
        },
        onStable: (result) => {
          this.layout = result;
          this.emit<LayoutResult>('rapport-layout-stable', result);
        },
      });
    } finally {
      this.loading = undefined;
    }
  }

  private resetView(): void {
    this.filters = NO_FILTERS;
    this.windowIndex = -1;
    this.membership = null;
    this.focusId = null;
    this.selected = null;
    this.ego = null;
    this.egoRadius = null;
    this.cycle = -1;
  }

  protected renderData(data: NetworkData) {
    const f = this.format;
    const influencers = data.influencers.map((id) => this.byId.get(id)).filter((n): n is GraphNode => !!n);
    const windows = data.evolution?.windows ?? [];
    const events = this.windowIndex < 0 ? [] : (data.evolution?.events ?? []).filter((e) => e.window === this.windowIndex && e.type !== 'CONTINUATION').map(describeEvent);
    const matches = searchNodes(this.byId.values(), this.query);
    return html`
      <div class="header">
        ${this.heading ? html`<h2 part="heading">${this.heading}</h2>` : ''}
        <span class="meta">${f.integer(data.nodes.length)} customers · ${f.integer(data.communities.length)} communities${data.modularity != null ? ` · modularity ${f.decimal(data.modularity, 2)}` : ''}</span>
      </div>
      ${graphControls({
        filters: this.filters,
        communities: data.communities.map((c) => c.id),
        segments: [...new Set(data.nodes.map((n) => n.segment).filter((s): s is string => !!s))].sort(),
        setFilter: (key, value) => (this.filters = { ...this.filters, [key]: value }),
        query: this.query,
        matches,
        search: (q) => (this.query = q),
        pick: (n) => void this.pick(n),
      })}
      ${timeSlider({ windows, index: this.windowIndex, change: (i) => this.setWindow(data, i), events })}
      <div class="body">
        ${this.webgl
          ? html`<div class=${this.layout === undefined && reducedMotion() ? 'canvas settling' : 'canvas'} tabindex="0" role="group" @keydown=${this.onKey}
              aria-label="Influencer graph. Arrow keys move through the top influencers, Enter selects, E shows the ego network."></div>`
          : html`<div class="fallback" role="note">This graph needs WebGL, which this browser does not offer. The tables below list the communities and the most influential customers.</div>`}
        <aside>
          ${communityLegend(data.communities, {
            f,
            selected: this.filters.community,
            color: (id) => this.view().colorOf(id, false),
            toggle: (id) => (this.filters = { ...this.filters, community: this.filters.community === id ? '' : id }),
          })}
          ${nodeDetails(this.selected, { f, egoRadius: this.egoRadius, expand: (r) => void this.expand(r), close: () => this.clearSelection() })}
        </aside>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      ${graphTables(data.communities, influencers.slice(0, 20), f, !this.webgl)}
      ${this.layout === undefined && this.webgl ? html`<span class="sr-only">Laying out…</span>` : nothing}
    `;
  }

  private async pick(node: GraphNode): Promise<void> {
    this.query = '';
    this.focusId = node.id;
    this.scene?.center(node.id);
    this.select(node.id, 'search');
    // Closing the list removes the button that had focus; put it on the drawing (E expands the pick's network there).
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('.canvas') ?? this.renderRoot.querySelector<HTMLElement>('input[type="search"]'))?.focus();
  }

  private select(id: string, source: GraphCustomerSelectDetail['source']): void {
    const node = this.byId.get(id) ?? this.sceneNode(id);
    if (!node) return;
    this.selected = node;
    this.focusId = id;
    this.emit<GraphCustomerSelectDetail>('rapport-customer-select', { id, externalId: node.externalId, name: node.name, community: node.community, source });
  }

  private sceneNode(id: string): GraphNode | undefined {
    return this.egoNodes.get(id);
  }
  private egoNodes = new Map<string, GraphNode>();

  private clearSelection(): void {
    this.selected = null;
    this.ego = null;
    this.egoRadius = null;
    this.focusId = null;
    this.cycle = -1;
    this.scene?.resetCamera();
  }

  private async expand(radius: number): Promise<void> {
    const node = this.selected;
    if (!node || !this.scene) return;
    let ids: string[];
    let edges = 0;
    if (this.data == null) {
      const ego = await fetchEgo(this.client(), node.id, radius);
      for (const n of ego.nodes) if (!this.byId.has(n.id)) this.egoNodes.set(n.id, n);
      ids = this.scene.addEgo(ego);
      edges = ego.edges.length;
    } else {
      ids = this.scene.neighbourhood(node.id, radius);
    }
    this.ego = new Set(ids);
    this.egoRadius = radius;
    this.emit<EgoExpandDetail>('rapport-ego-expand', { id: node.id, radius, nodes: ids, edges });
    this.announcement = `Ego network of ${node.name ?? node.id}: ${ids.length} customers within ${radius} hop${radius > 1 ? 's' : ''}.`;
  }

  private setWindow(data: NetworkData, index: number): void {
    this.windowIndex = index;
    this.membership = index >= 0 && data.evolution ? windowMembership(data.evolution, index) : null;
    const label = index < 0 ? 'Now' : (data.evolution?.windows[index]?.label ?? '');
    const events = index < 0 ? [] : (data.evolution?.events ?? []).filter((e) => e.window === index).map(({ type, from, to }) => ({ type, from, to }));
    this.emit<WindowChangeDetail>('rapport-window-change', { index, label, events });
  }

  private onKey = (e: KeyboardEvent): void => {
    const list = (this.task.value?.influencers ?? []).filter((id) => this.byId.has(id));
    const next = cycleIndex(e.key, this.cycle, list.length);
    if (next === undefined) {
      if (e.key === 'Enter' && this.cycle >= 0 && list[this.cycle]) this.select(list[this.cycle]!, 'keyboard');
      else if ((e.key === 'e' || e.key === 'E') && this.selected) void this.expand(this.egoRadius === 1 ? 2 : 1);
      else if (e.key === 'Escape') this.clearSelection();
      return;
    }
    e.preventDefault();
    this.cycle = next;
    const node = this.byId.get(list[next]!)!;
    this.focusId = node.id;
    this.scene?.center(node.id);
    this.announcement = describeInfluencer(node, next, list.length, this.format);
  };
}

if (!customElements.get('rapport-influencer-graph')) customElements.define('rapport-influencer-graph', RapportInfluencerGraph);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-influencer-graph': RapportInfluencerGraph;
  }
}
