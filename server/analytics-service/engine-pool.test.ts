import { afterAll, describe, expect, it } from 'vitest';
import { plantedPartition, type NetworkInput } from '../analytics/network';
import { closeEngines, engineThreadsFromEnv, runEngine, setEngineThreads, warmEngines } from './engine-pool';
import type { MonthRows } from './engines';

const DAY = 86_400_000;
const planted = plantedPartition({ nodes: 600, edges: 3_000, groups: 12, seed: 3 });
// Ties spread over six months, so group evolution has windows to follow.
const input: NetworkInput = { ...planted, time: Array.from(planted.source, (_, e) => Date.UTC(2024, 0, 1) + (e % 180) * DAY) };
const months: MonthRows = {
  node: Int32Array.from({ length: 600 }, (_, i) => i),
  month: Float64Array.from({ length: 600 }, (_, i) => Date.UTC(2024, i % 6, 1)),
  rows: Array.from({ length: 600 }, (_, i) => [i, 0, 1 + (i % 5), i % 3, i % 2, 2, 10 * i]),
};
const segments = Array.from({ length: 6 }, (_, w) => Array.from({ length: 600 }, (_, i) => ((i + w) % 4 ? 'loyal_customers' : 'at_risk')));
const tieText = Array.from(planted.source, (s, e) => `${s + 1},${planted.target[e]! + 1},${e % 2},${1 + (e % 3)},${1.7e9 + e * 60},`).join('\n');

/** Every engine once, with the same inputs. */
async function runAll() {
  const keyed = { id: 'planted', input };
  const communities = await runEngine('communities', keyed, 1);
  const influence = await runEngine('influence', keyed, { activity: months.rows.map((r) => r[2]!), monetary: months.rows.map((r) => r[6]!) });
  return {
    network: await runEngine('network', tieText, '', '5,3,2,1,3,40.5'),
    communities,
    influence,
    roles: await runEngine('roles', keyed, communities.membership, influence.pageRank),
    betweenness: await runEngine('betweenness', keyed),
    evolution: await runEngine('evolution', input, months, segments, 'month'),
  };
}

describe('the engine pool', () => {
  afterAll(() => closeEngines());

  it('gives on worker threads exactly what the engines give inline', async () => {
    await setEngineThreads(0);
    const inline = await runAll();
    await setEngineThreads(2);
    const threaded = await runAll();
    expect(threaded).toEqual(inline);
    // The comparison is worth something only if the engines found structure.
    expect(inline.communities.count).toBeGreaterThanOrEqual(8);
    expect(inline.evolution.windows.length).toBe(6);
    expect(inline.network.input.nodes.length).toBe(600);
    expect(inline.network.attributes.activity[4]).toBe(3);
  });

  it("passes an engine's error back from its thread with its message", async () => {
    await setEngineThreads(1);
    const bad: NetworkInput = { nodes: ['a', 'b'], source: [0], target: [5] };
    await expect(runEngine('communities', { id: 'bad', input: bad }, 1)).rejects.toThrow(/^rapport\/network: .*target/);
    // The pool still works after a failed task.
    expect((await runEngine('communities', { id: 'planted', input }, 1)).count).toBeGreaterThan(1);
  });

  it('rejects a run still in flight when the pool ends, instead of waiting for it', async () => {
    await setEngineThreads(1);
    await warmEngines();
    const big = plantedPartition({ nodes: 20_000, edges: 100_000, groups: 200, seed: 5 });
    const run = runEngine('betweenness', { id: 'big', input: big });
    run.catch(() => {});
    await closeEngines();
    await expect(run).rejects.toThrow();
  });

  it('reads RAPPORT_ANALYTICS_THREADS, and refuses what is not a thread count', () => {
    expect(engineThreadsFromEnv({ RAPPORT_ANALYTICS_THREADS: '0' })).toBe(0);
    expect(engineThreadsFromEnv({ RAPPORT_ANALYTICS_THREADS: ' 3 ' })).toBe(3);
    expect(engineThreadsFromEnv({})).toBeGreaterThanOrEqual(1);
    for (const text of ['-1', '2.5', 'two', '65']) {
      expect(() => engineThreadsFromEnv({ RAPPORT_ANALYTICS_THREADS: text })).toThrow(/RAPPORT_ANALYTICS_THREADS must be a whole number from 0 \(inline\) to 64/);
    }
  });
});
