/**
 * PageRank power iteration (Brin & Page 1998) over out-arcs in typed arrays — the same iteration, start
 * (uniform), dangling rule (uniform) and stopping rule (Σ|x − x'| < n·tolerance) as graphology-metrics' pagerank
 * and networkx's, without building a graphology graph and its neighbourhood index first. bench/network.ts shows
 * what that saves; pagerank.test.ts checks both give the same values.
 */
import type { Csr } from './csr';
import { fail } from './input';

export function powerIteration(arcs: Csr, alpha: number, tolerance: number, maxIterations: number): Float64Array {
  const { n, offsets, neighbors, weights, strength } = arcs;
  const p = 1 / n;
  const normalized = new Float64Array(weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    if (strength[i] === 0) dangling.push(i);
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) normalized[k] = weights[k]! / strength[i]!;
  }
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangle = 0;
    for (const i of dangling) dangle += x[i]!;
    const base = alpha * dangle * p + (1 - alpha) * p;
    next.fill(base);
    for (let i = 0; i < n; i++) {
      const share = alpha * x[i]!;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) next[neighbors[k]!]! += share * normalized[k]!;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(next[i]! - x[i]!);
    [x, next] = [next, x];
    if (error < n * tolerance) return x;
  }
  return fail(`pagerank: failed to converge in ${maxIterations} iterations (raise maxIterations or tolerance)`);
}
