/**
 * Brandes' single-source dependency accumulation (Brandes 2001, "A faster algorithm for betweenness
 * centrality"): a BFS from `s` counts shortest paths σ, then dependencies δ_s(v) = Σ_w σ_v/σ_w (1 + δ_s(w)) are
 * summed in reverse BFS order. Unweighted (hop) distances over the undirected view: tie weights are strengths,
 * not lengths. Typed arrays, reused across sources.
 */
import type { Csr } from './csr';

export class Brandes {
  private readonly sigma: Float64Array;
  private readonly dist: Int32Array;
  private readonly order: Uint32Array;
  /** δ_s(v) of the last `accumulate(s)`. */
  readonly delta: Float64Array;

  constructor(private readonly csr: Csr) {
    this.sigma = new Float64Array(csr.n);
    this.dist = new Int32Array(csr.n).fill(-1);
    this.order = new Uint32Array(csr.n);
    this.delta = new Float64Array(csr.n);
  }

  /** Fills `delta` for source `s`; returns the number of nodes reached (whose `delta` entries are valid). */
  accumulate(s: number): number {
    const { offsets, neighbors } = this.csr;
    const { sigma, dist, order, delta } = this;
    sigma[s] = 1;
    dist[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const w = neighbors[p]!;
        if (dist[w] === -1) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) sigma[w]! += sigma[v]!;
      }
    }
    for (let i = 0; i < tail; i++) delta[order[i]!] = 0;
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const before = dist[w]! - 1;
      for (let p = offsets[w]!; p < offsets[w + 1]!; p++) {
        const v = neighbors[p]!;
        if (dist[v] === before) delta[v]! += sigma[v]! * coefficient;
      }
    }
    delta[s] = 0;
    this.reached = tail;
    return tail;
  }

  /** Clears the BFS state of the last source; call before the next `accumulate`. */
  reset(): void {
    for (let i = 0; i < this.reached; i++) {
      const v = this.order[i]!;
      this.sigma[v] = 0;
      this.dist[v] = -1;
    }
  }

  /** Nodes reached by the last `accumulate`, in BFS order. */
  get visited(): Uint32Array {
    return this.order.subarray(0, this.reached);
  }

  private reached = 0;
}
