/**
 * Partition helpers shared by the community engines: modularity (Newman & Girvan 2004, with the resolution γ of
 * Reichardt & Bornholdt 2006) and a canonical numbering.
 *
 *   Q = Σ_c [ L_c / 2m − γ (K_c / 2m)² ],  L_c = Σ_{i,j ∈ c} A_ij (each internal tie counted twice), K_c = Σ_{i ∈ c} k_i
 */
import type { Csr } from './csr';

export function modularity(csr: Csr, membership: ArrayLike<number>, resolution = 1): number {
  if (csr.total === 0) return 0;
  const labels = Int32Array.from(membership);
  const count = compact(labels);
  const internal = new Float64Array(count);
  const strength = new Float64Array(count);
  for (let i = 0; i < csr.n; i++) {
    const c = labels[i]!;
    strength[c]! += csr.strength[i]!;
    for (let p = csr.offsets[i]!; p < csr.offsets[i + 1]!; p++) {
      if (labels[csr.neighbors[p]!] === c) internal[c]! += csr.weights[p]!;
    }
  }
  let q = 0;
  for (let c = 0; c < count; c++) q += internal[c]! / csr.total - resolution * (strength[c]! / csr.total) ** 2;
  return q;
}

/**
 * Renumbers labels to 0…count-1 by decreasing community size, ties broken by smallest member index, so the same
 * partition always gets the same ids and community 0 is the largest.
 */
export function canonical(labels: ArrayLike<number>): { membership: Int32Array; sizes: number[] } {
  const first = new Map<number, number>();
  const size = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (!first.has(c)) first.set(c, i);
    size.set(c, (size.get(c) ?? 0) + 1);
  }
  const order = [...first.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const id = new Map(order.map((c, k) => [c, k]));
  const membership = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) membership[i] = id.get(labels[i]!)!;
  return { membership, sizes: order.map((c) => size.get(c)!) };
}

/** Renumbers labels in place to 0…count-1 in order of first appearance; returns count. Any integer labels. */
export function compact(labels: Int32Array): number {
  const id = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    let k = id.get(c);
    if (k === undefined) id.set(c, (k = count++));
    labels[i] = k;
  }
  return count;
}

/** As `compact`, for labels known to lie in 0…length-1 (the kernels' vertex ids): typed arrays only. */
export function compactSmall(labels: Int32Array): number {
  const id = new Int32Array(labels.length).fill(-1);
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (id[c] === -1) id[c] = count++;
    labels[i] = id[c]!;
  }
  return count;
}
