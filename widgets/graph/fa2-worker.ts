// The layout's web worker (bundled inline by Vite, `?worker&inline`): ForceAtlas2 iterations back to back, without
// waiting for the page. Positions go back every `reportMs`; the convergence test and the time cap are decided here,
// after every iteration (fa2-loop.ts).
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { ConvergenceOptions } from './convergence.js';
import { Fa2Loop, PPN, type Fa2Report } from './fa2-loop.js';

export interface Fa2Start {
  /** ForceAtlas2's node and edge matrices (helpers.js' graphToByteArrays), transferred. */
  nodes: ArrayBuffer;
  edges: ArrayBuffer;
  /** Over the settings ForceAtlas2 infers from the number of nodes (inferred here, so the page need not load FA2). */
  settings: ForceAtlas2Settings;
  convergence: ConvergenceOptions;
  /** `Date.now()` past which the layout stops unstable (the page's and the worker's clocks share only this one). */
  deadline: number;
  reportMs: number;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<Fa2Start>) => void) | null;
  postMessage(message: Fa2Report, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  scope.onmessage = null;
  const nodes = new Float32Array(data.nodes);
  const settings = { ...forceAtlas2.inferSettings(nodes.length / PPN), ...data.settings };
  const loop = new Fa2Loop(nodes, new Float32Array(data.edges), settings, data.convergence);
  const slice = () => {
    const report = loop.slice(data.reportMs, data.deadline);
    scope.postMessage(report, [report.positions.buffer]);
    // A task boundary between slices; the page stops the layout by terminating the worker.
    if (!report.done) setTimeout(slice);
  };
  slice();
};
