import type Graph from 'graphology';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import noverlap from 'graphology-layout-noverlap';
import type { ConvergenceOptions } from './convergence.js';
import type { Fa2Report } from './fa2-loop.js';
import type { Fa2Start } from './fa2-worker.js';
import Fa2Worker from './fa2-worker.ts?worker&inline';

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
  /** How often the worker sends positions to draw. @default 300 */
  reportMs?: number;
  /** Show the positions while the layout moves; false (prefers-reduced-motion) leaves them until it is stable. @default true */
  animate?: boolean;
  /** Called once, when the final positions are in the graph. */
  onStable(result: LayoutResult): void;
}

/** If the worker never reports its stop (it failed), the layout ends this long after the time cap. */
const CAP_GRACE_MS = 5_000;

/**
 * ForceAtlas2 in our own web worker (fa2-worker.ts) until it is stable — the mean node displacement per iteration,
 * measured on every iteration in the worker (convergence.ts), falls below a share of the drawing's extent — or until
 * the time cap, then noverlap to pull overlapping nodes apart. Returns the stop function.
 *
 * The worker iterates back to back and posts positions every `reportMs`; it never waits for the page. The drawing
 * takes the latest positions at most once per four times its last frame's cost (from the update to the second
 * animation frame after it, which is when a software-composited WebGL frame has been read back), so drawing keeps
 * the renderer — and the CPU it takes from the worker — to about a fifth of the time.
 */
export function runLayout(graph: Graph, options: LayoutOptions): () => void {
  const n = graph.order;
  const maxMs = options.maxMs ?? Math.min(90_000, 10_000 + 5 * n);
  const reportMs = options.reportMs ?? 300;
  const animate = options.animate ?? true;
  const settings = { barnesHutOptimize: n > 1000, adjustSizes: false };
  const { tolerance, window, minIterations } = options;
  const index = new Map(graph.nodes().map((id, i) => [id, i]));
  const { nodes, edges } = graphToByteArrays(graph, (_e, a) => (typeof a.weight === 'number' ? a.weight : 1));
  const start = performance.now();
  const worker = new Fa2Worker({ name: 'rapport-forceatlas2' });
  const job: Fa2Start = {
    nodes: nodes.buffer as ArrayBuffer, edges: edges.buffer as ArrayBuffer, settings, reportMs,
    convergence: { tolerance, window, minIterations }, deadline: Date.now() + maxMs,
  };
  worker.postMessage(job, [job.nodes, job.edges]);

  let done = false;
  let latest: Fa2Report | undefined;
  let drawn: Fa2Report | undefined;
  let drawing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  worker.onmessage = ({ data }: MessageEvent<Fa2Report>) => {
    latest = data;
    if (data.done) finish(data.done);
    else if (animate && !drawing && timer === undefined) draw();
  };
  const backstop = setTimeout(() => finish('time-cap'), maxMs + CAP_GRACE_MS);

  function draw(): void {
    timer = undefined;
    if (done || !latest || latest === drawn) return;
    drawing = true;
    drawn = latest;
    const t = performance.now();
    copyPositions(latest.positions, index, graph);
    requestAnimationFrame(() => requestAnimationFrame(() => {
      drawing = false;
      if (!done) timer = setTimeout(draw, Math.max(reportMs, 4 * (performance.now() - t)));
    }));
  }
  function stop(): boolean {
    if (done) return false;
    done = true;
    clearTimeout(backstop);
    clearTimeout(timer);
    worker.terminate();
    return true;
  }
  function finish(stoppedBy: LayoutStop): void {
    if (!stop()) return;
    if (latest) copyPositions(latest.positions, index, graph);
    noverlap.assign(graph, { maxIterations: n > 5000 ? 10 : 40, settings: { margin: 2, ratio: 1.1 } });
    options.onStable({ ms: performance.now() - start, stoppedBy, iterations: latest?.iterations ?? 0, movement: latest?.movement ?? Infinity });
  }
  return () => void stop();
}

/** One update of the drawn graph (one redraw); customers added to it since the layout began keep their places. */
function copyPositions(positions: Float32Array, index: Map<string, number>, graph: Graph): void {
  graph.updateEachNodeAttributes(
    (id, a) => {
      const i = index.get(id);
      if (i !== undefined) {
        a.x = positions[2 * i];
        a.y = positions[2 * i + 1];
      }
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}
