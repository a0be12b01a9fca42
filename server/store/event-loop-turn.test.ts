import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '.';

describe('PGlite statements under load', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store?.close());

  it('let the event loop turn while a long queue of statements runs (connections are accepted once per turn)', async () => {
    const statements = 300;
    let done = 0;
    let doneWhenTheLoopTurned = -1;
    setImmediate(() => (doneWhenTheLoopTurned = done));
    await Promise.all(
      Array.from({ length: statements }, () => store.query(`SELECT count(*) FROM generate_series(1, 3000)`).then(() => done++)),
    );
    // Without yielding, the whole queue runs in microtasks and the loop turns only after the last statement.
    expect(doneWhenTheLoopTurned).toBeGreaterThanOrEqual(0);
    expect(doneWhenTheLoopTurned).toBeLessThan(statements);
  });
});
