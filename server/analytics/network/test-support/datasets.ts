/**
 * Readers for the public data sets (tests/support/data.ts says where; read in place, never copied), as NetworkInputs.
 * Tests call `requireData()` first: a missing folder skips with a message, and fails when `process.env.CI` is set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NetworkInput } from '../input';

import { dataDir as dataRoot } from '../../../../tests/support/data';

export { dataRoot };

export function hasData(folder: string): boolean {
  return existsSync(join(dataRoot(), folder));
}

function lines(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
}

/** Edge list with integer ids 0…n-1 (or 1-based when `base` is 1), node id = the number as written 0-based. */
function edgeList(path: string, base: number, n?: number, directed = false): NetworkInput {
  const rows = lines(path);
  const source = new Uint32Array(rows.length);
  const target = new Uint32Array(rows.length);
  const weight = new Float64Array(rows.length);
  let max = -1;
  rows.forEach(([s, t, w], e) => {
    source[e] = Number(s) - base;
    target[e] = Number(t) - base;
    weight[e] = w === undefined ? 1 : Number(w);
    max = Math.max(max, source[e]!, target[e]!);
  });
  const nodes = Array.from({ length: n ?? max + 1 }, (_, i) => String(i));
  const flag = new Uint8Array(rows.length).fill(directed ? 1 : 0);
  return { nodes, source, target, weight, directed: flag };
}

/** Zachary's karate club, unweighted (the graph the literature's best modularity 0.4198 refers to). */
export function karate(weighted = false): NetworkInput {
  const input = edgeList(join(dataRoot(), 'karate/zachary.txt'), 1, 34);
  return weighted ? input : { ...input, weight: undefined };
}

/** email-Eu-core as given (directed, 642 self-loops). */
export function emailEuCore(): NetworkInput {
  return edgeList(join(dataRoot(), 'email-eu-core/email-Eu-core.txt'), 0, 1005, true);
}

/** The simple undirected graph of email-Eu-core: 16,064 distinct unordered pairs, unweighted, no self-loops. */
export function emailEuCoreUndirected(): NetworkInput {
  const { nodes, source, target } = emailEuCore();
  const seen = new Set<number>();
  const s: number[] = [];
  const t: number[] = [];
  for (let e = 0; e < source.length; e++) {
    const a = Math.min(source[e]!, target[e]!);
    const b = Math.max(source[e]!, target[e]!);
    if (a === b || seen.has(a * nodes.length + b)) continue;
    seen.add(a * nodes.length + b);
    s.push(a);
    t.push(b);
  }
  return { nodes, source: Uint32Array.from(s), target: Uint32Array.from(t) };
}

/** Department (0…41) of each email-Eu-core node. */
export function emailDepartments(): Int32Array {
  const labels = new Int32Array(1005).fill(-1);
  for (const [node, dept] of lines(join(dataRoot(), 'email-eu-core/email-Eu-core-department-labels.txt'))) {
    labels[Number(node)] = Number(dept);
  }
  return labels;
}

export function egoFacebook(): NetworkInput {
  return edgeList(join(dataRoot(), 'ego-facebook/facebook_combined.txt'), 0, 4039);
}
