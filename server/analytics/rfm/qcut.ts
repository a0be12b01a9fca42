/**
 * Quantile binning exactly as the reference method does it: pandas 1.5 `qcut(x, q)` over numpy 1.24's default
 * (`linear`, Hyndman & Fan type 7) quantile.
 *
 * Edges: `np.quantile(x, np.linspace(0, 1, q + 1))` — virtual index `(n - 1) * p`, neighbours `floor` and
 * `floor + 1`, interpolated with numpy's `_lerp` (from the upper neighbour when the weight is ≥ 0.5), reproduced
 * operation for operation so edges agree to the last bit. Codes: `pd.cut(x, edges, right=True,
 * include_lowest=True)`, i.e. the first edge ≥ x, with x equal to the lowest edge in the first bin.
 *
 * Duplicate edges (fewer distinct values than bins, e.g. many tied recencies): pandas raises "Bin edges must be
 * unique". Here the same right-closed rule is applied to the edges as they are, so every bin keeps its label, a
 * zero-width bin stays empty and tied values go to the lowest bin whose upper edge reaches them. With a single
 * value (or all values equal) everything lands in the first bin.
 */

/** `np.linspace(0, 1, q + 1)` as numpy computes it (`i * (1 / q)`, last point exactly 1). */
export function linspaceQuantiles(q: number): Float64Array {
  const out = new Float64Array(q + 1);
  const step = 1 / q;
  for (let i = 0; i < q; i++) out[i] = i * step;
  out[q] = 1;
  return out;
}

/** `np.quantile(sorted, p)` (method `linear`) for ascending `sorted`; `at(i)` reads the i-th smallest. */
function quantileAt(n: number, at: (i: number) => number, p: number): number {
  const virtual = (n - 1) * p;
  if (virtual >= n - 1) return at(n - 1);
  const lower = Math.floor(virtual);
  const gamma = virtual - lower;
  const a = at(lower);
  const b = at(lower + 1);
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** The q + 1 bin edges of `np.quantile(x, linspace(0, 1, q + 1))` for values already sorted ascending. */
export function quantileEdges(sorted: ArrayLike<number>, q = 5): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const ps = linspaceQuantiles(q);
  const edges = new Float64Array(q + 1);
  for (let k = 0; k <= q; k++) edges[k] = quantileAt(n, (i) => sorted[i]!, ps[k]!);
  return edges;
}

/** Edges for the ranks 1..n (what `qcut(series.rank(method='first'), q)` bins). */
export function rankEdges(n: number, q = 5): Float64Array {
  if (n === 0) return new Float64Array(0);
  const ps = linspaceQuantiles(q);
  const edges = new Float64Array(q + 1);
  for (let k = 0; k <= q; k++) edges[k] = quantileAt(n, (i) => i + 1, ps[k]!);
  return edges;
}

/** The 0-based bin of x under `pd.cut(…, right=True, include_lowest=True)`. */
export function binOf(edges: Float64Array, x: number): number {
  const last = edges.length - 1;
  if (x <= edges[0]!) return 0;
  // searchsorted(side='left'): the first edge ≥ x; edges are few (q + 1), so a linear scan is fastest.
  let i = 1;
  while (i < last && edges[i]! < x) i++;
  return i - 1;
}

/** Bins every value: returns the 0-based codes and the edges. */
export function qcut(values: ArrayLike<number>, q = 5): { codes: Uint8Array; edges: Float64Array } {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const edges = quantileEdges(sorted, q);
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) codes[i] = binOf(edges, values[i]!);
  return { codes, edges };
}
