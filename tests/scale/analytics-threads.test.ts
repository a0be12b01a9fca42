/**
 * Analytics off the event loop (server/analytics-service/engine-pool.ts): while one tenant's betweenness runs on
 * ego-Facebook (4,039 customers, 88,234 ties), another tenant's queries keep being answered over a real socket.
 * The same measurement with the engines inline (threads 0) is the control: there they wait for it, which shows
 * the test measures what it claims. No time is asserted: only how many answers came back during the run.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeEngines, setEngineThreads } from '../../server/analytics-service';
import { createApp } from '../../server/app';
import { createHttpServer } from '../../server/http-server';
import { importSource } from '../../server/ingest/import-source';
import { fileSource } from '../../server/ingest/read-records';
import { openStore, type Store } from '../../server/store';
import { dataFile, describeWithData } from '../support/data';

describeWithData('analytics on worker threads', () => {
  let store: Store;
  let server: ReturnType<typeof createHttpServer>;
  let url: string;
  const post = async (tenant: string, query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rapport-tenant': tenant },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    store = await openStore();
    await importSource(store, 'relationships', fileSource(dataFile('ego-facebook', 'facebook_combined.txt')), { tenant: 'big', format: 'edgelist' });
    server = createHttpServer({ app: createApp({ store, dev: true }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    await post('small', 'mutation { upsertCustomers(input: [{ externalId: "s1", name: "Ada" }]) { accepted } }');
  }, 300_000);
  afterAll(async () => {
    server?.close();
    await closeEngines();
    await store?.close();
  });

  /**
   * Betweenness of tenant big (the network already loaded, so the run is the engine), and how many of tenant
   * small's queries, sent one after another, were answered before it.
   */
  async function answeredDuringBetweenness(threads: number, run: string) {
    await setEngineThreads(threads);
    // A customer without ties: big's data version moves, so this run computes afresh, on the same network.
    await post('big', `mutation { upsertCustomers(input: [{ externalId: "${run}" }]) { accepted } }`);
    await post('big', '{ network { nodeCount } }');
    let done = false;
    const heavy = post('big', '{ network { influencers(first: 3) { customer { externalId } betweenness } } }').finally(() => (done = true));
    let answered = 0;
    while (!done) {
      const data = await post('small', '{ customers(first: 1) { totalCount } }');
      expect(data.customers.totalCount).toBe(1);
      if (!done) answered++;
    }
    return { answered, top: (await heavy).network.influencers };
  }

  it("answers another tenant's queries while a betweenness run holds a worker thread", async () => {
    const threaded = await answeredDuringBetweenness(1, 'threaded');
    const inline = await answeredDuringBetweenness(0, 'inline');
    console.log(`queries of tenant small answered during tenant big's betweenness: ${threaded.answered} on a worker thread, ${inline.answered} inline`);
    expect(threaded.top).toEqual(inline.top);
    expect(threaded.top[0].betweenness).toBeGreaterThan(0);
    expect(threaded.answered).toBeGreaterThanOrEqual(10);
    expect(inline.answered * 5).toBeLessThan(threaded.answered);
  }, 300_000);
});
