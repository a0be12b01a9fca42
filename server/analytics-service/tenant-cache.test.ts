import { describe, expect, it } from 'vitest';
import type { Queryable, Row } from '../store';
import { TenantCache } from './tenant-cache';
import { TenantSnapshot } from './tenant-snapshot';

/** A store holding only tenant_versions, counting its queries. */
function versions(initial: Record<string, number>) {
  const db = {
    table: { ...initial },
    queries: 0,
    async query<T extends Row = Row>(_sql: string, params?: readonly unknown[]): Promise<T[]> {
      db.queries++;
      const v = db.table[params![0] as string];
      return (v === undefined ? [] : [{ version: v }]) as unknown as T[];
    },
  };
  return db satisfies Queryable;
}

describe('TenantSnapshot', () => {
  it('computes an entry once, shares it, and forgets a failure', async () => {
    const snap = new TenantSnapshot(versions({}), 't', 1);
    let runs = 0;
    const [a, b] = await Promise.all([snap.get('k', () => ++runs), snap.get('k', () => ++runs)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    await expect(snap.get('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await snap.get('bad', () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const snap = new TenantSnapshot(versions({}), 't', 1, { maxEntries: 2 });
    await snap.get('a', () => 1);
    await snap.get('b', () => 2);
    await snap.get('a', () => 0); // touch a
    await snap.get('c', () => 3); // evicts b
    expect(snap.size).toBe(2);
    expect(await snap.get('a', () => -1)).toBe(1);
    expect(await snap.get('b', () => -2)).toBe(-2);
  });
});

describe('TenantCache', () => {
  it('keeps a snapshot while the version holds, starts a new one when it grows', async () => {
    const db = versions({ t: 3 });
    const cache = new TenantCache();
    const first = await cache.snapshot(db, 't');
    expect(await cache.snapshot(db, 't')).toBe(first);
    db.table.t = 4;
    const second = await cache.snapshot(db, 't');
    expect(second).not.toBe(first);
    expect(second.version).toBe(4);
    expect((await cache.snapshot(db, 'nobody')).version).toBe(0);
  });

  it('checks the version once per scope, and keeps tenants and stores apart', async () => {
    const db = versions({ a: 1, b: 1 });
    const other = versions({ a: 1 });
    const cache = new TenantCache();
    const scope = {};
    const [x, y] = await Promise.all([cache.forScope(scope, db, 'a'), cache.forScope(scope, db, 'a')]);
    expect(x).toBe(y);
    expect(db.queries).toBe(1);
    expect(await cache.forScope(scope, db, 'b')).not.toBe(x);
    expect(await cache.snapshot(other, 'a')).not.toBe(x);
  });

  it('on a store only this process writes, asks again only after a transaction ended', async () => {
    const db = Object.assign(versions({ t: 1 }), { epoch: 0, writeEpoch: () => db.epoch });
    const cache = new TenantCache();
    const first = await cache.snapshot(db, 't');
    expect(await cache.snapshot(db, 't')).toBe(first);
    expect(db.queries).toBe(1);
    db.epoch++; // a transaction ended without bumping the version
    expect(await cache.snapshot(db, 't')).toBe(first);
    expect(db.queries).toBe(2);
    db.table.t = 2;
    db.epoch++;
    const second = await cache.snapshot(db, 't');
    expect(second.version).toBe(2);
    expect(db.queries).toBe(3);
  });
});
