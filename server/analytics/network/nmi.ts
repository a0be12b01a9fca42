/**
 * Normalised mutual information between two labellings of the same nodes (Danon et al. 2005), arithmetic-mean
 * normalisation, NMI = 2·I(A;B) / (H(A) + H(B)) — what igraph's `compare_communities(method="nmi")` and
 * scikit-learn's default report. 1 for identical partitions (up to renaming), 0 for independent ones. Nodes whose
 * label is negative in either labelling (unknown ground truth) are left out.
 */
import { fail, type NumericColumn } from './input';

export function nmi(a: NumericColumn, b: NumericColumn): number {
  if (a.length !== b.length) fail(`nmi: labellings have ${a.length} and ${b.length} entries`);
  const joint = new Map<string, number>();
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < 0 || y < 0) continue;
    n++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
    const key = `${x},${y}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  if (n === 0) return 0;
  const entropy = (counts: Map<number, number>): number => {
    let h = 0;
    for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split(',').map(Number) as [number, number];
    mutual += (c / n) * Math.log((c * n) / (countA.get(x)! * countB.get(y)!));
  }
  const hA = entropy(countA);
  const hB = entropy(countB);
  if (hA + hB === 0) return 1; // both partitions are a single group
  return Math.max(0, (2 * mutual) / (hA + hB));
}
