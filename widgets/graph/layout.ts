import type Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { ConvergenceMeter, type ConvergenceOptions } from './convergence.js';

/** What stopped the layout: the convergence criterion, or the time cap first. */
export type LayoutStop = 'stable' | 'time-cap';

export interface LayoutResult {
  /** From start to the final (non-overlapping) positions. */
  ms: number;
  stoppedBy: LayoutStop;
  /** ForceAtlas2 iterations run. */
  iterations: number;
  /** Mean displacement per iteration at the stop, as a share of the drawing's extent. */
  movement: number;
}

export interface LayoutOptions extends ConvergenceOptions {
  /** A safety net: stop even if not stable after this long. @default 10 s + 5 ms per node, at most 90 s */
  maxMs?: number;
  /** Called once, when the final positions are in the graph. */
  onStable(result: LayoutResult): void;
}

/**
 * ForceAtlas2 in a web worker until it is stable — the mean node displacement per iteration, measured on every
 * iteration as the worker hands positions back (convergence.ts), falls below a share of the drawing's extent — or
 * until the time cap, then noverlap to pull overlapping nodes apart. Returns the stop function.
 *
 * The worker lays out a bare copy of the graph (positions and weighted ties), and the drawn graph gets the positions
 * now and then: 300 ms apart, or four times as long as the last redraw took, so drawing keeps at most a fifth of
 * the main thread. Sigma re-indexes and redraws on every change of the graph it draws, and the worker waits for the
 * main thread between iterations, so writing each iteration into it made the layout wait for the renderer — in
 * software WebGL, seconds per iteration at 10,000 nodes.
 */
export function runLayout(graph: Graph, options: LayoutOptions): () => void {
  const n = graph.order;
  const maxMs = options.maxMs ?? Math.min(90_000, 10_000 + 5 * n);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 1000, adjustSizes: false };
  const bare = bareCopy(graph);
  const meter = new ConvergenceMeter(startPositions(bare), options);
  let done = false;
  const fa2 = new FA2Layout(bare, {
    settings,
    getEdgeWeight: 'weight',
    // Called for every node, in order, each time the worker returns an iteration.
    outputReducer: (_key, attributes: { x: number; y: number }) => {
      // Not from inside the supervisor's message handler, which still needs its buffers after this returns.
      if (meter.observe(attributes.x, attributes.y) && meter.stable) setTimeout(() => finish('stable'));
      return attributes;
    },
  });
  const start = performance.now();
  fa2.start();
  const cap = setTimeout(() => finish('time-cap'), maxMs);
  let timer = setTimeout(function show() {
    const t = performance.now();
    copyPositions(bare, graph);
    // Sigma draws in the next animation frame; a frame callback queued after its own runs once it has drawn.
    requestAnimationFrame(() => {
      if (!done) timer = setTimeout(show, Math.max(300, 4 * (performance.now() - t)));
    });
  }, 300);
  function stop(): boolean {
    if (done) return false;
    done = true;
    clearTimeout(cap);
    clearTimeout(timer);
    fa2.kill();
    return true;
  }
  function finish(stoppedBy: LayoutStop): void {
    if (!stop()) return;
    copyPositions(bare, graph);
    noverlap.assign(graph, { maxIterations: n > 5000 ? 10 : 40, settings: { margin: 2, ratio: 1.1 } });
    options.onStable({ ms: performance.now() - start, stoppedBy, iterations: meter.iterations, movement: meter.movement });
  }
  return () => void stop();
}

/** Positions and weighted ties only: what ForceAtlas2 reads (no sizes: `adjustSizes` is off). */
function bareCopy(graph: Graph): Graph {
  const copy = graph.nullCopy();
  graph.forEachNode((id, a) => void copy.addNode(id, { x: a.x, y: a.y }));
  graph.forEachEdge((_e, a, s, t) => void copy.addEdge(s, t, { weight: a.weight }));
  return copy;
}

/** One update of the drawn graph (one redraw); customers added to it since the copy keep their places. */
function copyPositions(from: Graph, to: Graph): void {
  to.updateEachNodeAttributes(
    (id, a) => {
      if (from.hasNode(id)) {
        const p = from.getNodeAttributes(id);
        a.x = p.x;
        a.y = p.y;
      }
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}

/** Positions in the order the worker returns them (graph order). */
function startPositions(graph: Graph): Float64Array {
  const out = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_id, a) => {
    out[i++] = a.x as number;
    out[i++] = a.y as number;
  });
  return out;
}
