import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { TenantIds, tenantIds } from './global-ids';

describe('TenantIds', () => {
  const ids = new TenantIds(randomBytes(16));

  it('gives each store id one id of 23 characters, and reads it back', () => {
    for (const n of [1, 2, 255, 256, 1_000_000, Number.MAX_SAFE_INTEGER]) {
      const id = ids.encode('Customer', n);
      expect(id).toMatch(/^[A-Za-z0-9_-]{23}$/);
      expect(ids.encode('Customer', n)).toBe(id);
      expect(ids.decode(id)).toEqual({ typename: 'Customer', id: String(n) });
      expect(ids.storeId('Customer', id)).toBe(n);
      expect(ids.storeId('Interaction', id)).toBe(0);
    }
    expect(ids.decode(ids.encode('Interaction', 7))).toEqual({ typename: 'Interaction', id: '7' });
    expect(() => ids.encode('Order', 1)).toThrow(/Order has no global ids/);
  });

  it('encrypts a page in one call to the same ids as one by one, past the memo\'s size too', () => {
    const key = randomBytes(16);
    const [paged, single] = [new TenantIds(key), new TenantIds(key)];
    const page = Array.from({ length: 20_000 }, (_, k) => 3 * k + 1);
    paged.prime('Customer', [...page, null, undefined, page[0]]);
    for (const id of page) expect(paged.encode('Customer', id)).toBe(single.encode('Customer', id));
    expect(paged.encode('Interaction', 1)).not.toBe(paged.encode('Customer', 1));
    expect(paged.decode(paged.encode('Interaction', 1)).typename).toBe('Interaction');
  });

  it("reads another key's ids, and made-up ones of the right shape, as naming no row", () => {
    const other = new TenantIds(randomBytes(16));
    for (let n = 1; n <= 200; n++) expect(ids.decode(other.encode('Customer', n)).id).toBe('0');
    const made = Buffer.alloc(17, 7);
    made[0] = 1;
    expect(ids.storeId('Customer', made.toString('base64url'))).toBe(0);
  });

  it('refuses what is not an id: another shape, an unknown type, a second spelling of the same bytes', () => {
    const id = ids.encode('Customer', 42);
    const unknownType = Buffer.from(id, 'base64url');
    unknownType[0] = 9;
    // The 23rd character carries 4 bits of the last byte and 2 unused ones: changing an unused bit spells it again.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelt = id.slice(0, 22) + last[last.indexOf(id[22]!) ^ 1];
    for (const bad of ['', 'abc', id + 'A', `${id.slice(0, 22)}*`, unknownType.toString('base64url'), respelt, Buffer.from('Customer:42').toString('base64')]) {
      expect(() => ids.decode(bad), bad).toThrow(/is not a Rapport global id/);
      expect(ids.storeId('Customer', bad)).toBe(0);
    }
    expect(ids.storeId('Customer', 42)).toBe(0);
  });
});

describe('tenantIds', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps ids across restarts (the key is in the store) and gives each tenant its own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rapport-ids-'));
    dirs.push(dir);
    let store = await openStore({ dataDir: dir });
    const alpha = (await tenantIds(store, 'alpha')).encode('Customer', 5);
    const beta = (await tenantIds(store, 'beta')).encode('Customer', 5);
    expect(alpha).not.toBe(beta);
    expect(await tenantIds(store, 'alpha')).toBe(await tenantIds(store, 'alpha'));
    await store.close();
    store = await openStore({ dataDir: dir });
    try {
      expect((await tenantIds(store, 'alpha')).encode('Customer', 5)).toBe(alpha);
      expect((await tenantIds(store, 'beta')).storeId('Customer', alpha)).toBe(0);
      // Tenant-scoped connections cannot read the key.
      await expect(store.forTenant('alpha').query(`SELECT value FROM server_secrets`)).rejects.toThrow(/permission denied/);
    } finally {
      await store.close();
    }
  });
});
