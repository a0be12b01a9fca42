import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store';

const root = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const mine = () => readdirSync(root).filter((name) => name.startsWith(`rapport-memory-${process.pid}-`));

describe('an in-memory PGlite store', () => {
  it('lives in its own scratch directory on tmpfs, removed when the store closes', async () => {
    const before = mine();
    const a = await openStore();
    const b = await openStore();
    const opened = mine().filter((name) => !before.includes(name));
    expect(opened).toHaveLength(2);
    expect(a.location).toBe('memory');
    await a.query(`INSERT INTO tenants (id, name) VALUES ('a', 'a')`);
    expect(await b.query(`SELECT id FROM tenants`)).toEqual([]);
    await a.close();
    await b.close();
    expect(mine().filter((name) => opened.includes(name))).toEqual([]);
  });
});
