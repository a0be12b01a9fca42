import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import { describe, expect, it } from 'vitest';
import { Fa2Loop } from './fa2-loop.js';

/** Two communities of 40, ties mostly inside, deterministic positions on a line. */
function twoCommunities(): Graph {
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < 80; i++) g.addNode(`n${i}`, { x: (i * 37) % 100, y: (i * 53) % 100 });
  for (let i = 0; i < 80; i++)
    for (const d of [1, 3, 7]) {
      const j = (i + d * 2) % 80; // same parity: same community
      if (!g.hasEdge(`n${i}`, `n${j}`)) g.addEdge(`n${i}`, `n${j}`, { weight: 1 + (i % 3) });
    }
  g.addEdge('n0', 'n1', { weight: 1 });
  return g;
}
const weight = (_e: string, a: { weight?: number }) => a.weight ?? 1;
const settings = { ...forceAtlas2.inferSettings(80), adjustSizes: false };

describe('Fa2Loop', () => {
  it("iterates exactly as graphology-layout-forceatlas2's synchronous layout", () => {
    const g = twoCommunities();
    const { nodes, edges } = graphToByteArrays(g, weight);
    const loop = new Fa2Loop(nodes, edges, settings, { minIterations: 1000 });
    for (let k = 0; k < 25; k++) loop.step();
    const expected = forceAtlas2(g, { iterations: 25, settings, getEdgeWeight: 'weight' });
    const p = loop.positions();
    g.forEachNode((id, _a) => {
      const i = g.nodes().indexOf(id);
      expect(p[2 * i]).toBeCloseTo(expected[id]!.x, 3);
      expect(p[2 * i + 1]).toBeCloseTo(expected[id]!.y, 3);
    });
    expect(loop.meter.iterations).toBe(25);
  });

  it('runs until the meter says stable, measuring every iteration', () => {
    const { nodes, edges } = graphToByteArrays(twoCommunities(), weight);
    const loop = new Fa2Loop(nodes, edges, settings);
    const movements: number[] = [];
    expect(loop.run(() => (movements.push(loop.meter.movement), loop.meter.iterations < 5000))).toBe(true);
    expect(loop.meter.iterations).toBeGreaterThanOrEqual(20); // the default minimum
    expect(loop.meter.movement).toBeLessThan(5e-4); // the default tolerance
    expect(movements.length).toBe(loop.meter.iterations - 1);
    expect(movements.slice(0, -1).every((m, k) => k + 1 < 20 || m >= 5e-4)).toBe(true); // not stable earlier
  });

  it('stops a slice after its time, and reports the time cap past the deadline', () => {
    const { nodes, edges } = graphToByteArrays(twoCommunities(), weight);
    const loop = new Fa2Loop(nodes, edges, settings, { tolerance: 0 });
    let t = 0;
    const clock = { now: () => (t += 1) }; // one "ms" per look at the clock: one per iteration
    const first = loop.slice(10, 1e9, clock);
    expect(first.done).toBeUndefined();
    expect(first.iterations).toBeGreaterThanOrEqual(8);
    expect(first.iterations).toBeLessThanOrEqual(10);
    expect(first.positions).toHaveLength(160);
    const last = loop.slice(10, t, clock); // deadline already reached: one iteration, then the cap
    expect(last.done).toBe('time-cap');
    expect(last.iterations).toBe(first.iterations + 1);
  });

  it('reports stable as the last slice', () => {
    const { nodes, edges } = graphToByteArrays(twoCommunities(), weight);
    const report = new Fa2Loop(nodes, edges, settings).slice(60_000, Date.now() + 60_000);
    expect(report.done).toBe('stable');
    expect(report.movement).toBeLessThan(5e-4);
  });
});
