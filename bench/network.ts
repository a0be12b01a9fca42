/**
 * Side-by-side: Rapport's network engines vs networkx, igraph and leidenalg (bench/network-peers.py, Debian's
 * /usr/bin/python3), in one run, on karate, email-Eu-core (undirected for communities, directed for PageRank),
 * ego-Facebook and a seeded planted-partition graph of 1M ties.
 *
 *   npx tsx bench/network.ts [--seeds 10] [--quick]     (--quick: skip the 1M-tie graph)
 *
 * Times are medians in ms of the algorithm on an already built structure on both sides (Rapport: the prepared
 * CSR; peers: the igraph / networkx graph); building Rapport's structures is reported on its own line.
 * Modularity is computed by each side on the same merged, loop-free, weighted graph; "mean Q" over seeds 0…S-1,
 * "best Q" the best of those runs (= bestOf: S). Ratio = peer time / Rapport time (> 1: Rapport is faster).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { betweenness } from '../server/analytics/network/betweenness';
import { detectCommunities, type CommunityOptions } from '../server/analytics/network/communities';
import type { Csr } from '../server/analytics/network/csr';
import type { NetworkInput } from '../server/analytics/network/input';
import { prepareNetwork } from '../server/analytics/network/network';
import { pageRank } from '../server/analytics/network/pagerank';
import { plantedPartition } from '../server/analytics/network/planted';
import * as data from '../server/analytics/network/test-support/datasets';

const args = process.argv.slice(2);
const SEEDS = Number(args[args.indexOf('--seeds') + 1] ?? 10) || 10;
const QUICK = args.includes('--quick');
const PYTHON = process.env['RAPPORT_PYTHON'] ?? '/usr/bin/python3';

interface Graph { name: string; communities: NetworkInput; directed: NetworkInput; big: boolean }
type Row = { graph: string; task: string; who: string; ms: number; q?: number; best?: number; note?: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}

function graphs(): Graph[] {
  const list: Graph[] = [
    { name: 'karate', communities: data.karate(), directed: data.karate(), big: false },
    { name: 'email-Eu-core', communities: data.emailEuCoreUndirected(), directed: data.emailEuCore(), big: false },
    { name: 'ego-Facebook', communities: data.egoFacebook(), directed: data.egoFacebook(), big: false },
  ];
  if (!QUICK) {
    const [ms, planted] = time(() => plantedPartition());
    console.log(`generated planted partition (100,000 nodes, 1,000,000 ties, 1,000 groups, mixing 0.2) in ${ms.toFixed(0)} ms`);
    list.push({ name: 'planted-1M', communities: planted, directed: planted, big: true });
  }
  return list;
}

function writeEdges(path: string, csr: Csr, half: boolean): void {
  const lines: string[] = [];
  for (let i = 0; i < csr.n; i++) {
    for (let p = csr.offsets[i]!; p < csr.offsets[i + 1]!; p++) {
      if (!half || csr.neighbors[p]! > i) lines.push(`${i} ${csr.neighbors[p]} ${csr.weights[p]}`);
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** Runs `fn` until `budgetMs` or 200 runs (at least 3) so the JIT has compiled it, as in a long-running server. */
function warmUp(fn: (k: number) => void, big: boolean, budgetMs = 300): void {
  if (big) return;
  const t0 = performance.now();
  for (let k = 0; k < 200 && (k < 3 || performance.now() - t0 < budgetMs); k++) fn(k);
}

function communityRows(g: Graph, input: NetworkInput, variants: [string, CommunityOptions][], rows: Row[]): void {
  const seeds = g.big ? Math.min(3, SEEDS) : SEEDS;
  for (const [who, options] of variants) {
    const runs = options.algorithm === 'louvain' && g.big ? 1 : seeds;
    warmUp((k) => detectCommunities(input, { ...options, seed: 1000 + k }), g.big);
    const times: number[] = [];
    const qs: number[] = [];
    for (let seed = 0; seed < runs; seed++) {
      const [ms, result] = time(() => detectCommunities(input, { ...options, seed }));
      times.push(ms);
      qs.push(result.modularity);
    }
    rows.push({ graph: g.name, task: 'communities', who, ms: median(times), q: mean(qs), best: Math.max(...qs), note: `${runs} seeds` });
  }
}

/** Rapport's own paths first, on typed arrays only. */
function rapportRows(g: Graph, rows: Row[]): number | undefined {
  communityRows(g, g.communities, [
    ['Rapport Leiden (default, 1 iteration)', {}],
    ['Rapport Leiden, 2 iterations', { iterations: 2 }],
  ], rows);
  const fresh = { ...g.communities }; // a new object: nothing cached, validation and CSR included
  const [ms, result] = time(() => detectCommunities(fresh));
  rows.push({ graph: g.name, task: 'communities', who: 'Rapport end-to-end from arrays (validate, CSR, Leiden)', ms, q: result.modularity, note: '1 run, cold' });

  const network = prepareNetwork(g.directed);
  const [arcsMs] = time(() => network.arcs());
  rows.push({ graph: g.name, task: 'build', who: 'Rapport arcs (PageRank view)', ms: arcsMs });
  warmUp(() => pageRank(g.directed), g.big);
  const typed = Array.from({ length: 5 }, () => time(() => pageRank(g.directed))[0]);
  rows.push({ graph: g.name, task: 'pagerank', who: 'Rapport (typed arrays)', ms: median(typed) });
  warmUp(() => betweenness(g.communities), g.big, 100);
  const [bms, b] = time(() => betweenness(g.communities));
  rows.push({ graph: g.name, task: 'betweenness', who: `Rapport (${b.mode}${b.mode === 'sampled' ? `, k=${b.pivots}, ±${b.errorBound.toFixed(3)}` : ''})`, ms: bms });
  return b.mode === 'sampled' ? b.pivots : undefined;
}

/** graphology's paths, on copies of the inputs so their (large) graphology graphs can be collected afterwards. */
function graphologyRows(g: Graph, rows: Row[]): void {
  const input = { ...g.communities };
  const [ms] = time(() => prepareNetwork(input).undirected());
  rows.push({ graph: g.name, task: 'build', who: 'graphology Graph (for Louvain)', ms });
  communityRows(g, input, [
    ['graphology Louvain + Leiden refinement', { algorithm: 'louvain' }],
    ['graphology Louvain alone', { algorithm: 'louvain', iterations: 0 }],
  ], rows);
  if (g.big) return; // a 1M-arc graphology DirectedGraph takes about a minute to build here: see README
  const directed = { ...g.directed };
  const [buildMs] = time(() => prepareNetwork(directed).directed());
  rows.push({ graph: g.name, task: 'build', who: 'graphology DirectedGraph', ms: buildMs });
  warmUp(() => pageRank(directed, { implementation: 'graphology' }), g.big);
  const viaGraphology = Array.from({ length: 3 }, () => time(() => pageRank(directed, { implementation: 'graphology' }))[0]);
  rows.push({ graph: g.name, task: 'pagerank', who: 'graphology-metrics', ms: median(viaGraphology) });
}

function peers(jobs: object[]): Record<string, Record<string, { ms: number; q_mean?: number; q_max?: number; mode?: string; runs?: number }>> {
  const run = spawnSync(PYTHON, [join(import.meta.dirname, 'network-peers.py')], { input: JSON.stringify({ graphs: jobs }), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`rapport/network bench: peers failed (${PYTHON}): ${run.stderr}`);
  const out: Record<string, any> = {};
  for (const line of run.stdout.trim().split('\n')) {
    const parsed = JSON.parse(line);
    out[parsed.name] = parsed;
  }
  return out;
}

function peerRows(result: Record<string, { ms: number; q_mean?: number; q_max?: number; mode?: string; runs?: number }>, name: string, rows: Row[]): void {
  const add = (task: string, key: string, who: string) => {
    const r = result[key];
    if (r) rows.push({ graph: name, task, who, ms: r.ms, q: r.q_mean, best: r.q_max, note: r.mode ?? (r.runs ? `${r.runs} seeds` : undefined) });
  };
  add('communities', 'igraph_multilevel', 'igraph multilevel');
  add('communities', 'leidenalg', 'leidenalg (Modularity, n_iterations=2)');
  add('communities', 'networkx_louvain', 'networkx louvain_communities');
  add('pagerank', 'networkx_pagerank', 'networkx');
  add('pagerank', 'igraph_pagerank', 'igraph (PRPACK)');
  add('betweenness', 'networkx_betweenness', 'networkx');
  add('betweenness', 'igraph_betweenness', 'igraph');
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-network-'));
  const rows: Row[] = [];
  const load = [loadavg()[0]!];
  try {
    for (const g of graphs()) {
      const [csrMs, network] = time(() => prepareNetwork(g.communities));
      rows.push({ graph: g.name, task: 'build', who: 'Rapport CSR (validate + merge)', ms: csrMs });
      const pivots = rapportRows(g, rows);
      graphologyRows(g, rows);
      const undirected = join(dir, `${g.name}.u`);
      const directed = join(dir, `${g.name}.d`);
      writeEdges(undirected, network.csr, true);
      writeEdges(directed, prepareNetwork(g.directed).arcs(), false);
      // The peers run right after Rapport on the same graph, so both see similar machine load.
      const peer = peers([{
        name: g.name, n: network.n, undirected, directed,
        seeds: g.big ? Math.min(3, SEEDS) : SEEDS,
        exact: pivots === undefined,
        nx_communities: !g.big,
        nx_betweenness_k: g.big ? undefined : pivots,
      }]);
      peerRows(peer[g.name]!, g.name, rows);
      load.push(loadavg()[0]!);
      console.log(`${g.name}: done`);
    }
    print(rows, load);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(rows: Row[], load: number[]): void {
  const order = ['build', 'communities', 'pagerank', 'betweenness'];
  const graphsSeen = [...new Set(rows.map((r) => r.graph))];
  console.log(`\nRapport network bench — ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, seeds ${SEEDS}`);
  console.log(`1-minute load average at start and after each graph: ${load.map((x) => x.toFixed(1)).join(', ')}`);
  console.log('ratio = peer ms / Rapport-default ms (> 1: Rapport faster)\n');
  const header = ['graph', 'task', 'implementation', 'ms', 'mean Q', 'best Q', 'ratio', 'note'];
  const table: string[][] = [header];
  for (const graph of graphsSeen) {
    for (const task of order) {
      const group = rows.filter((r) => r.graph === graph && r.task === task);
      const base = group.find((r) => r.who.startsWith('Rapport') && (task !== 'communities' || r.who.includes('default')));
      for (const r of group) {
        const ratio = base && r !== base && task !== 'build' ? (r.ms / base.ms).toFixed(2) : '';
        table.push([graph, task, r.who, r.ms < 10 ? r.ms.toFixed(2) : r.ms.toFixed(0), r.q?.toFixed(4) ?? '', r.best?.toFixed(4) ?? '', ratio, r.note ?? '']);
      }
    }
  }
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table) console.log(row.map((cell, c) => (c >= 3 && c <= 6 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
}

main();
