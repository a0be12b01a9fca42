import type Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';

export interface LayoutOptions {
  /** Give up waiting for stability after this long. @default 4 s + 1 s per 1,000 nodes, at most 30 s */
  maxMs?: number;
  /** Called once, with the time from start to the final (non-overlapping) positions. */
  onStable(ms: number): void;
  /** Called on every check while running (the caller refreshes the view). */
  onTick?(): void;
}

/**
 * ForceAtlas2 in a web worker until the layout is stable, then noverlap to pull overlapping nodes apart. Stable:
 * twice in a row, the mean node movement between two checks is below 0.2 % of the drawing's extent and below 15 %
 * of the largest movement seen (a big graph moves little per check from the start, yet is far from done).
 * Returns the stop function.
 */
export function runLayout(graph: Graph, options: LayoutOptions): () => void {
  const n = graph.order;
  const maxMs = options.maxMs ?? Math.min(30_000, 4_000 + n);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 1000, adjustSizes: false };
  const fa2 = new FA2Layout(graph, { settings, getEdgeWeight: 'weight' });
  const start = performance.now();
  const sample = graph.nodes().filter((_, i) => i % Math.max(1, Math.floor(n / 400)) === 0);
  let last = positions(graph, sample);
  let calm = 0;
  let peak = 0;
  let done = false;
  fa2.start();
  const timer = setInterval(() => {
    const now = positions(graph, sample);
    const extent = Math.max(1e-9, spread(now));
    let moved = 0;
    for (let i = 0; i < now.length; i += 2) moved += Math.hypot(now[i]! - last[i]!, now[i + 1]! - last[i + 1]!);
    last = now;
    const step = moved / (now.length / 2) / extent;
    peak = Math.max(peak, step);
    calm = step < 0.002 && step < peak * 0.15 ? calm + 1 : 0;
    options.onTick?.();
    const elapsed = performance.now() - start;
    if ((calm >= 2 && elapsed > 1_000) || elapsed > maxMs) finish();
  }, 300);
  function finish(): void {
    if (done) return;
    done = true;
    clearInterval(timer);
    fa2.kill();
    noverlap.assign(graph, { maxIterations: n > 5000 ? 10 : 40, settings: { margin: 2, ratio: 1.1 } });
    options.onStable(performance.now() - start);
  }
  return () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    fa2.kill();
  };
}

function positions(graph: Graph, nodes: readonly string[]): Float64Array {
  const out = new Float64Array(nodes.length * 2);
  nodes.forEach((id, i) => {
    out[2 * i] = graph.getNodeAttribute(id, 'x') as number;
    out[2 * i + 1] = graph.getNodeAttribute(id, 'y') as number;
  });
  return out;
}

function spread(p: Float64Array): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < p.length; i += 2) {
    minX = Math.min(minX, p[i]!); maxX = Math.max(maxX, p[i]!);
    minY = Math.min(minY, p[i + 1]!); maxY = Math.max(maxY, p[i + 1]!);
  }
  return Math.max(maxX - minX, maxY - minY);
}
