export interface ConvergenceOptions {
  /**
   * Stable when the mean node displacement per iteration, averaged over the last `window` iterations, is below this
   * share of the drawing's extent (5e-4: half a pixel per iteration on a 1,000 px drawing). @default 5e-4
   */
  tolerance?: number;
  /** Iterations averaged. @default 10 */
  window?: number;
  /** Iterations before the layout may be called stable (the first ones can be slow to start). @default 20 */
  minIterations?: number;
}

export const CONVERGENCE_DEFAULTS: Required<ConvergenceOptions> = { tolerance: 5e-4, window: 10, minIterations: 20 };

/**
 * Measures how far a force layout moves per iteration, fed every node's new position in the same order on every
 * iteration (ForceAtlas2's worker calls its `outputReducer` exactly so). ForceAtlas2 never reaches zero movement —
 * nodes keep drifting a little — so "stable" is a small mean displacement relative to the drawing, not none.
 */
export class ConvergenceMeter {
  /** Completed iterations. */
  iterations = 0;
  /** Mean displacement per iteration over the last `window`, as a share of the extent (Infinity until measured). */
  movement = Infinity;
  readonly #o: Required<ConvergenceOptions>;
  readonly #last: Float64Array;
  readonly #steps: number[] = [];
  #i = 0;
  #moved = 0;
  #minX = Infinity;
  #maxX = -Infinity;
  #minY = Infinity;
  #maxY = -Infinity;

  /** `start`: x0, y0, x1, y1, … — the positions before the first iteration, in the order they will be fed. */
  constructor(start: Float64Array, options: ConvergenceOptions = {}) {
    // An option passed as undefined (forwarded from an options object that left it out) keeps its default.
    this.#o = { ...CONVERGENCE_DEFAULTS };
    for (const [k, v] of Object.entries(options)) if (v !== undefined) this.#o[k as keyof ConvergenceOptions] = v;
    this.#last = start.slice();
  }

  get stable(): boolean {
    return this.iterations >= this.#o.minIterations && this.movement < this.#o.tolerance;
  }

  /** The next node's position; after the last node the iteration is counted, and true returned. */
  observe(x: number, y: number): boolean {
    const i = this.#i++;
    const last = this.#last;
    this.#moved += Math.hypot(x - last[2 * i]!, y - last[2 * i + 1]!);
    last[2 * i] = x;
    last[2 * i + 1] = y;
    if (x < this.#minX) this.#minX = x;
    if (x > this.#maxX) this.#maxX = x;
    if (y < this.#minY) this.#minY = y;
    if (y > this.#maxY) this.#maxY = y;
    if (this.#i * 2 < last.length) return false;
    this.#endIteration();
    return true;
  }

  #endIteration(): void {
    const n = this.#i;
    const extent = Math.max(this.#maxX - this.#minX, this.#maxY - this.#minY, 1e-9);
    this.#steps.push(this.#moved / n / extent);
    if (this.#steps.length > this.#o.window) this.#steps.shift();
    this.iterations++;
    this.movement = this.#steps.length < this.#o.window ? Infinity : this.#steps.reduce((a, b) => a + b, 0) / this.#steps.length;
    this.#i = 0;
    this.#moved = 0;
    this.#minX = this.#minY = Infinity;
    this.#maxX = this.#maxY = -Infinity;
  }
}
