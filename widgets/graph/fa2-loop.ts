// ForceAtlas2's own iteration (graphology-layout-forceatlas2/iterate.js) run many times per call on its flat node
// and edge matrices (the layout of helpers.js' graphToByteArrays: 10 numbers a node, x and y first), with the
// convergence measured after every iteration. Pure: the layout worker runs it, and Node runs it in the tests.
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import FA2_DEFAULTS from 'graphology-layout-forceatlas2/defaults.js';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { ConvergenceMeter, type ConvergenceOptions } from './convergence.js';

/** Numbers per node in ForceAtlas2's node matrix. */
export const PPN = 10;

/** What the worker posts: the positions after a slice of iterations. */
export interface Fa2Report {
  /** x0, y0, x1, y1, … in the order of the graph the matrices were made from. */
  positions: Float32Array;
  iterations: number;
  movement: number;
  /** Set on the last report. */
  done?: 'stable' | 'time-cap';
}

export class Fa2Loop {
  readonly meter: ConvergenceMeter;
  readonly #settings: Required<ForceAtlas2Settings>;
  readonly #nodes: Float32Array;
  readonly #edges: Float32Array;

  constructor(nodes: Float32Array, edges: Float32Array, settings: ForceAtlas2Settings, convergence: ConvergenceOptions = {}) {
    this.#nodes = nodes;
    this.#edges = edges;
    this.#settings = { ...FA2_DEFAULTS, ...settings };
    this.meter = new ConvergenceMeter(Float64Array.from(this.positions()), convergence);
  }

  /** One iteration, fed to the meter. */
  step(): void {
    iterate(this.#settings, this.#nodes, this.#edges);
    const m = this.#nodes;
    for (let j = 0; j < m.length; j += PPN) this.meter.observe(m[j]!, m[j + 1]!);
  }

  /** Iterates until stable, or until `more()` (asked after each iteration) says no; true when stable. */
  run(more: () => boolean): boolean {
    do this.step();
    while (!this.meter.stable && more());
    return this.meter.stable;
  }

  /**
   * Iterates for about `ms` (at least once), stopping early when stable or past `deadline` (a `Date.now()` time).
   * The report's `done` says whether this was the last slice.
   */
  slice(ms: number, deadline: number, clock: { now(): number } = Date): Fa2Report {
    const end = clock.now() + ms;
    const stable = this.run(() => clock.now() < Math.min(end, deadline));
    const done = stable ? 'stable' : clock.now() >= deadline ? 'time-cap' : undefined;
    return { positions: this.positions(), iterations: this.meter.iterations, movement: this.meter.movement, done };
  }

  /** x0, y0, x1, y1, … in node order, copied. */
  positions(): Float32Array {
    const m = this.#nodes;
    const out = new Float32Array((m.length / PPN) * 2);
    for (let i = 0, j = 0; j < m.length; j += PPN) {
      out[i++] = m[j]!;
      out[i++] = m[j + 1]!;
    }
    return out;
  }
}
