/**
 * Degree centralities on the undirected view (Freeman 1979): distinct neighbours, and weighted degree (strength,
 * Barrat et al. 2004) — the summed weight of a node's ties, which counts how much the customer interacts, not only
 * with how many. For directed ties also in- and out-strength (followers vs following).
 */
import { at, type NetworkInput } from './input';
import { prepareNetwork } from './network';

export interface DegreeResult {
  /** Distinct neighbours (either direction, self excluded). */
  readonly degree: Uint32Array;
  /** Σ weights of ties, either direction, self-loops excluded. */
  readonly strength: Float64Array;
  /** Σ weights of ties pointing at the node (mutual ties count both ways), self-loops excluded. */
  readonly inStrength: Float64Array;
  readonly outStrength: Float64Array;
}

export function degreeCentrality(input: NetworkInput): DegreeResult {
  const { csr, n } = prepareNetwork(input);
  const degree = Uint32Array.from({ length: n }, (_, i) => csr.offsets[i + 1]! - csr.offsets[i]!);
  const inStrength = new Float64Array(n);
  const outStrength = new Float64Array(n);
  for (let e = 0; e < input.source.length; e++) {
    const s = input.source[e]!;
    const t = input.target[e]!;
    if (s === t) continue;
    const w = at(input.weight, e, 1);
    outStrength[s]! += w;
    inStrength[t]! += w;
    if (at(input.directed, e, 0) === 0) {
      outStrength[t]! += w;
      inStrength[s]! += w;
    }
  }
  return { degree, strength: csr.strength.slice(), inStrength, outStrength };
}
