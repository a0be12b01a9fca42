import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireDataLock, RENEW_MS, STALE_MS, type LockOwner } from './data-lock';

/** The lock as another container would leave it: a pid of its own namespace, which here names no process. */
const FOREIGN_PID = 2 ** 22 + 11;

function foreignLock(dir: string, ageMs: number): string {
  const file = path.join(dir, 'rapport.lock');
  const owner: LockOwner = { pid: FOREIGN_PID, role: 'server', startedAt: new Date().toISOString(), host: 'other-box', pidNamespace: 'pid:[1]', url: 'http://10.0.0.2:4000' };
  writeFileSync(file, JSON.stringify(owner));
  const at = new Date(Date.now() - ageMs);
  utimesSync(file, at, at);
  return file;
}

describe('the PGlite data lock across PID namespaces', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rapport-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    vi.useRealTimers();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a lock another namespace renewed lately, naming where its holder runs', async () => {
    const dir = scratch();
    foreignLock(dir, 1_000);
    await expect(acquireDataLock(dir, 'server')).rejects.toThrow(
      `The store in ${dir} is in use by a running Rapport server (pid ${FOREIGN_PID} in another container or PID namespace on host other-box, http://10.0.0.2:4000).`,
    );
  });

  it('clears one that was not renewed (its container crashed or restarted) and records where it runs itself', async () => {
    const dir = scratch();
    const file = foreignLock(dir, STALE_MS + 5_000);
    const release = await acquireDataLock(dir, 'cli');
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(os.hostname());
    if (process.platform === 'linux') expect(owner.pidNamespace).toMatch(/^pid:\[\d+\]$/);
    release();
    expect(() => statSync(file)).toThrow();
  });

  it('renews its own lock while held, so another namespace sees it live', async () => {
    const dir = scratch();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const release = await acquireDataLock(dir, 'server');
    const file = path.join(dir, 'rapport.lock');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    vi.advanceTimersByTime(RENEW_MS);
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(STALE_MS);
    release();
  });

  it('still checks the pid of a lock written before locks said where they were taken', async () => {
    const dir = scratch();
    const file = path.join(dir, 'rapport.lock');
    writeFileSync(file, JSON.stringify({ pid: process.ppid, role: 'cli', startedAt: new Date().toISOString() }));
    await expect(acquireDataLock(dir, 'cli')).rejects.toThrow(`in use by another rapport command (pid ${process.ppid})`);
    writeFileSync(file, JSON.stringify({ pid: FOREIGN_PID, role: 'cli', startedAt: new Date().toISOString() }));
    (await acquireDataLock(dir, 'cli'))();
  });
});
