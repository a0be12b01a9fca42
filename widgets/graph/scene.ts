// Loaded with import() by <rapport-influencer-graph>: sigma, graphology and the layouts stay out of the main bundle.
import type Graph from 'graphology';
import Sigma from 'sigma';
import { drawDiscNodeHover, drawDiscNodeLabel } from 'sigma/rendering';
import { addTie, buildGraph, nodeSize } from './build-graph.js';
import type { NodeAttributes } from './build-graph.js';
import { labelCollisions } from './label-collisions.js';
import { runLayout, type LayoutResult } from './layout.js';
import { NO_EDGE, NoEdgeProgram } from './no-edge-program.js';
import { reducers } from './reducers.js';
import type { ViewState } from './view-state.js';
import type { EgoData, NetworkData } from './types.js';

/** How labels are drawn: canvas cannot inherit CSS, so the widget passes its computed colour and font family. */
export interface LabelStyle {
  color: string;
  font: string;
}

export interface SceneOptions {
  /** How many of the most influential nodes show their label whatever the zoom (unless it would cover a more influential one's). */
  labels: number;
  reducedMotion: boolean;
  labelStyle: LabelStyle;
  view(): ViewState;
  onClick(id: string): void;
  onHover(id: string | null): void;
  onStable(result: LayoutResult): void;
}

export interface Scene {
  readonly graph: Graph<NodeAttributes>;
  /** Redraw after the view state changed. */
  refresh(): void;
  /** Redraw the labels in another colour or font (the theme changed). */
  setLabelStyle(style: LabelStyle): void;
  /** Centres the camera on a node. */
  center(id: string): void;
  /** Back to the whole graph. */
  resetCamera(): void;
  /** Adds an ego network's customers and ties; returns the ids in it. */
  addEgo(ego: EgoData): string[];
  /** A node's position in CSS pixels relative to the graph's box; null when hidden or unknown. */
  position(id: string): { x: number; y: number } | null;
  /** The node and everyone within `radius` hops of it. */
  neighbourhood(id: string, radius: number): string[];
  stats(): { nodes: number; edges: number; visibleNodes: number; visibleEdges: number; stable: boolean };
  /** Time to first frame (ms from createScene). */
  readonly firstRenderMs: number;
  destroy(): void;
}

const HOVER_INK = '#1f2733';

export function createScene(container: HTMLElement, data: NetworkData, options: SceneOptions): Scene {
  const t0 = performance.now();
  const view = options.view;
  const graph = buildGraph(data.nodes, data.edges, (c) => view().colorOf(c, false));
  data.influencers.slice(0, options.labels).forEach((id) => graph.hasNode(id) && graph.setNodeAttribute(id, 'forceLabel', true));
  // Edges are hidden while the layout moves the nodes (issue 7): they cost most of a frame and say little in motion.
  let stable = false;
  const { nodeReducer, edgeReducer } = reducers(graph, () => ({ ...view(), hideEdges: view().hideEdges || !stable }));
  const labels = labelCollisions<NodeAttributes>(drawDiscNodeLabel);
  const sigma = new Sigma<NodeAttributes>(graph, container, {
    allowInvalidContainer: true,
    hideEdgesOnMove: true,
    hideLabelsOnMove: graph.order > 2000,
    labelRenderedSizeThreshold: 7,
    labelDensity: 0.4,
    labelGridCellSize: 90,
    zIndex: true,
    defaultEdgeColor: '#d5dae1',
    edgeProgramClasses: { [NO_EDGE]: NoEdgeProgram<NodeAttributes> },
    labelFont: options.labelStyle.font,
    labelColor: { color: options.labelStyle.color },
    defaultDrawNodeLabel: labels.drawNodeLabel,
    // Sigma draws the hovered label on a white card whatever the theme: keep that label dark so it stays readable.
    defaultDrawNodeHover: (context, data, settings) => drawDiscNodeHover(context, data, { ...settings, labelColor: { color: HOVER_INK } }),
    nodeReducer,
    edgeReducer,
  });
  const firstRenderMs = performance.now() - t0;
  // The constructor has drawn a first frame already, before the listener below could be added.
  labels.flush();
  sigma.on('afterRender', labels.flush);
  sigma.on('clickNode', ({ node }) => options.onClick(node));
  sigma.on('enterNode', ({ node }) => options.onHover(node));
  sigma.on('leaveNode', () => options.onHover(null));
  const stopLayout = runLayout(graph, {
    animate: !options.reducedMotion,
    onStable: (result) => {
      stable = true;
      sigma.refresh();
      options.onStable(result);
    },
  });

  const display = (id: string) => (graph.hasNode(id) ? sigma.getNodeDisplayData(id) : undefined);
  return {
    graph,
    firstRenderMs,
    refresh: () => sigma.refresh({ skipIndexation: true }),
    setLabelStyle(style) {
      sigma.setSetting('labelFont', style.font);
      sigma.setSetting('labelColor', { color: style.color });
    },
    center(id) {
      const d = display(id);
      if (!d) return;
      const camera = sigma.getCamera();
      const target = { x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.6) };
      // Reduced motion jumps; sigma's animate() with a zero duration can leave NaN in the camera state.
      if (options.reducedMotion) camera.setState(target);
      else void camera.animate(target, { duration: 400 });
    },
    resetCamera: () => (options.reducedMotion ? sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }) : void sigma.getCamera().animatedReset({ duration: 300 })),
    addEgo(ego) {
      const anchor = ego.nodes[0] && graph.hasNode(ego.nodes[0].id) ? graph.getNodeAttributes(ego.nodes[0].id) : { x: 0, y: 0 };
      ego.nodes.forEach((n, i) => {
        if (graph.hasNode(n.id)) return;
        const a = (i / Math.max(1, ego.nodes.length)) * 2 * Math.PI;
        graph.addNode(n.id, {
          x: anchor.x + Math.cos(a) * 20, y: anchor.y + Math.sin(a) * 20, size: nodeSize(n.influence, graph.order),
          label: n.name || n.externalId || n.id, color: view().colorOf(n.community ?? null, false), community: n.community ?? null, node: n,
        });
      });
      for (const e of ego.edges) addTie(graph, e);
      sigma.refresh();
      return ego.nodes.map((n) => n.id);
    },
    neighbourhood(id, radius) {
      if (!graph.hasNode(id)) return [];
      const seen = new Set([id]);
      let ring = [id];
      for (let r = 0; r < radius; r++) {
        const next: string[] = [];
        for (const n of ring) graph.forEachNeighbor(n, (m) => void (seen.has(m) || (seen.add(m), next.push(m))));
        ring = next;
      }
      return [...seen];
    },
    position(id) {
      const d = display(id);
      if (!d || d.hidden) return null;
      return sigma.framedGraphToViewport({ x: d.x, y: d.y });
    },
    stats() {
      let visibleNodes = 0;
      let visibleEdges = 0;
      graph.forEachNode((id) => void (display(id)?.hidden ? 0 : visibleNodes++));
      graph.forEachEdge((e) => void (sigma.getEdgeDisplayData(e)?.hidden ? 0 : visibleEdges++));
      return { nodes: graph.order, edges: graph.size, visibleNodes, visibleEdges, stable };
    },
    destroy() {
      stopLayout();
      sigma.kill();
    },
  };
}
